/**
 * compromise (English NLP) taught Swedish abbreviations with a plugin, for
 * comparison and for callers that want its term model. Measured in
 * lib/documents/README.md: it needs the line-wrap workaround below and is far
 * slower than `splitSentences`, which the engine uses.
 */
import nlp from 'compromise/one';
import { SWEDISH_ABBREVIATIONS } from './abbreviations';
import type { Span } from './split';
import { trimSpan } from '../text/span';

let taught = false;

/** Teach compromise the Swedish abbreviations (idempotent). */
export function swedishPlugin(): void {
  if (taught) return;
  const abbreviations: Record<string, true> = {};
  for (const a of SWEDISH_ABBREVIATIONS) {
    abbreviations[a.replace(/\.$/, '')] = true;
  }
  nlp.plugin({ model: { one: { abbreviations } } } as Parameters<typeof nlp.plugin>[0]);
  taught = true;
}

interface JsonSentence {
  text: string;
  offset: { start: number; length: number };
  terms?: { text: string; offset: { start: number; length: number } }[];
}

/**
 * Sentences by compromise. compromise ends a sentence at every line break, so
 * single line breaks (PDF line wraps) are replaced by spaces first — the same
 * length, so its offsets stay offsets into `text`.
 */
export function splitSentencesCompromise(text: string, options: { keepLineBreaks?: boolean } = {}): Span[] {
  swedishPlugin();
  const input = options.keepLineBreaks ? text : text.replace(/([^\n])\n(?=[^\n])/g, '$1 ');
  const doc = nlp(input);
  const json = doc.json({ offset: true }) as JsonSentence[];
  return json.map((s) => {
    const { start, end } = trimSpan(text, s.offset.start, s.offset.start + s.offset.length);
    return { start, end, text: text.slice(start, end) };
  });
}

/** Terms by compromise, with offsets. */
export function termsCompromise(text: string): Span[] {
  swedishPlugin();
  const json = nlp(text).json({ offset: true, terms: { offset: true } }) as JsonSentence[];
  const out: Span[] = [];
  for (const s of json)
    for (const t of s.terms ?? []) out.push({ start: t.offset.start, end: t.offset.start + t.offset.length, text: text.slice(t.offset.start, t.offset.start + t.offset.length) });
  return out;
}
