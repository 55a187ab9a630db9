/**
 * Readability: LIX (läsbarhetsindex, Björnsson 1968) for the whole text and per
 * section, and very long sentences.
 *
 *   LIX = ord / meningar + 100 × långa ord / ord      (långt ord: fler än 6 bokstäver)
 *
 * Per-section LIX is reported as data (`readability.sections`, shown in the side
 * panel), not as findings: a section's LIX is no single place to fix, and one
 * long sentence would otherwise be reported twice. Only the whole text gets a
 * `lix-high` note when it is very hard (over 60) and long enough to measure.
 *
 * Sentences come from a splitter: by default the engine's layout-aware
 * `splitSentences` (lib/sentences); `compromise` (taught the Swedish abbreviations,
 * lib/sentences/compromise) can be chosen instead.
 */
import type { Section } from '../analysis/schema';
import { splitSentences, type Span } from '../sentences';
import { splitSentencesCompromise } from '../sentences/compromise';
import { LIX_HIGH, LIX_MIN_WORDS, LONG_SENTENCE_WORDS } from './rules';
import type { LixLevel, LixScore, Readability } from './schema';
import type { RawFinding } from './types';

export type Splitter = 'engine' | 'compromise';

export const LIX_SCALE = 'under 30 mycket lätt, 30–40 lätt, 40–50 medelsvår, 50–60 svår, över 60 mycket svår';

const LEVELS: { max: number; level: LixLevel; label: string }[] = [
  { max: 30, level: 'mycket-latt', label: 'mycket lätt' },
  { max: 40, level: 'latt', label: 'lätt' },
  { max: 50, level: 'medelsvar', label: 'medelsvår' },
  { max: 60, level: 'svar', label: 'svår' },
  { max: Infinity, level: 'mycket-svar', label: 'mycket svår' },
];

/** The level of a LIX value: below 30 mycket lätt, 30–40 lätt, … (a boundary value belongs to the harder level). */
export function lixLevel(value: number): { level: LixLevel; label: string } {
  const l = LEVELS.find((x) => value < x.max) ?? LEVELS[LEVELS.length - 1];
  return { level: l.level, label: l.label };
}

const NON_LETTER = /[^\p{L}]/gu;
const WORD = /\p{L}[\p{L}\p{N}'’]*(?:-\p{L}[\p{L}\p{N}'’]*)*/gu;

interface SentenceStats {
  start: number;
  end: number;
  words: number;
  longWords: number;
}

function stats(text: string, s: Span): SentenceStats {
  let words = 0;
  let longWords = 0;
  for (const m of s.text.matchAll(WORD)) {
    words++;
    // letters only: "e-post" counts its 5 letters
    const w = m[0];
    if (w.length > 6 && w.length - (w.match(NON_LETTER)?.length ?? 0) > 6) longWords++;
  }
  void text;
  return { start: s.start, end: s.end, words, longWords };
}

function score(list: SentenceStats[]): LixScore {
  const withWords = list.filter((s) => s.words > 0);
  const words = withWords.reduce((n, s) => n + s.words, 0);
  const longWords = withWords.reduce((n, s) => n + s.longWords, 0);
  const sentences = withWords.length;
  if (words === 0) return { value: null, level: null, label: null, words: 0, sentences: 0, longWords: 0 };
  const value = Math.round(words / sentences + (100 * longWords) / words);
  const { level, label } = lixLevel(value);
  return { value, level, label, words, sentences, longWords };
}

/**
 * Sentences of `text`. compromise cannot see layout (it joins a heading to the
 * sentence after it), so it runs block by block: blocks end at blank lines and
 * at the section headings the engine found (`cuts`: offsets where a block must end).
 */
export function sentencesOf(text: string, splitter: Splitter, cuts: readonly number[] = []): Span[] {
  if (splitter !== 'compromise') return splitSentences(text);
  const bounds = new Set<number>([0, text.length, ...cuts.filter((c) => c > 0 && c < text.length)]);
  for (const m of text.matchAll(/\n[ \t\u00a0]*\n/g)) bounds.add(m.index);
  const sorted = [...bounds].sort((a, b) => a - b);
  const out: Span[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i];
    const block = text.slice(from, sorted[i + 1]);
    if (!/[\p{L}\p{N}]/u.test(block)) continue;
    for (const s of splitSentencesCompromise(block)) out.push({ start: s.start + from, end: s.end + from, text: s.text });
  }
  return out;
}

/** LIX of a text on its own (no sections). */
export function lix(text: string, splitter: Splitter = 'engine'): LixScore {
  return score(sentencesOf(text, splitter).map((s) => stats(text, s)));
}

export function readability(
  text: string,
  sections: Section[],
  splitter: Splitter,
): { readability: Readability; findings: RawFinding[] } {
  const cuts = sections.flatMap((s) => [s.start, s.start + s.heading.length]);
  // a heading line on its own is not a sentence
  const headings = new Set(sections.map((s) => `${s.start}:${s.start + s.heading.length}`));
  const sents = sentencesOf(text, splitter, cuts)
    .filter((s) => !headings.has(`${s.start}:${s.end}`))
    .map((s) => stats(text, s));
  const whole = score(sents);
  const findings: RawFinding[] = [];
  const sectionScores = sections.map((sec) => {
    // sentences that start inside the section (its heading line is not one)
    const own = sents.filter((s) => s.start >= sec.start && s.start < sec.end);
    return { id: sec.id, heading: sec.heading, start: sec.start, end: sec.end, ...score(own) };
  });
  let longest = 0;
  for (const s of sents) {
    longest = Math.max(longest, s.words);
    if (s.words > LONG_SENTENCE_WORDS) {
      findings.push({
        rule: 'long-sentence',
        code: 'long-sentence',
        severity: 'warning',
        message: `Meningen har ${s.words} ord (gränsen är ${LONG_SENTENCE_WORDS}). Långa meningar är svåra att läsa.`,
        suggestion: 'Dela upp meningen i två eller flera kortare meningar, med en tanke i varje.',
        start: s.start,
        end: s.end,
      });
    }
  }
  const high = (x: LixScore) => x.value !== null && x.value > LIX_HIGH && x.words >= LIX_MIN_WORDS;
  if (high(whole)) {
    findings.push({
      rule: 'lix-high',
      code: 'lix-high',
      severity: 'info',
      message: `Texten har LIX ${whole.value} (mycket svår; skala: ${LIX_SCALE}).`,
      suggestion: 'Skriv kortare meningar och byt långa ord mot kortare där det går.',
    });
  }
  return { readability: { ...whole, sections: sectionScores, scale: LIX_SCALE, longestSentence: longest }, findings };
}
