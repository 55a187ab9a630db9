/**
 * Readability: LIX (läsbarhetsindex, Björnsson 1968) for the whole text and per
 * section, and very long sentences.
 *
 *   LIX = ord / meningar + 100 × långa ord / ord      (långt ord: fler än 6 bokstäver)
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
    // letters only: "individ-" and "e-post" count their letters
    let letters = 0;
    for (const ch of m[0]) if (/\p{L}/u.test(ch)) letters++;
    if (letters > 6) longWords++;
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

export function sentencesOf(text: string, splitter: Splitter): Span[] {
  return splitter === 'compromise' ? splitSentencesCompromise(text) : splitSentences(text);
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
  const sents = sentencesOf(text, splitter).map((s) => stats(text, s));
  const whole = score(sents);
  const findings: RawFinding[] = [];
  const sectionScores = sections.map((sec) => {
    // the body of the section: sentences that start inside it, the heading line left out
    const bodyStart = sec.start + sec.heading.length;
    const own = sents.filter((s) => s.start >= bodyStart && s.start < sec.end);
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
  for (const s of sectionScores) {
    if (!high(s)) continue;
    findings.push({
      rule: 'lix-high',
      code: 'lix-high-section',
      severity: 'info',
      message: `Avsnittet '${s.heading}' har LIX ${s.value} (mycket svår; skala: ${LIX_SCALE}).`,
      suggestion: 'Skriv kortare meningar och byt långa ord mot kortare där det går.',
      start: s.start,
      end: s.start + s.heading.length,
    });
  }
  return { readability: { ...whole, sections: sectionScores, scale: LIX_SCALE, longestSentence: longest }, findings };
}
