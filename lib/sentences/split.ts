/**
 * A linear-time Swedish sentence splitter for council documents (the default).
 * Offsets are UTF-16 offsets into the original text; line wraps inside a
 * sentence are soft, blank lines, standalone headings and list items are hard breaks.
 */
import { ABBREVIATION_SET } from './abbreviations';
import { trimSpan } from '../text/span';

export interface Span {
  start: number;
  end: number;
  text: string;
}

const CAN_END = new Set(['mm', 'osv', 'mfl', 'etc', 'od', 'ed', 'ua']);

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u00a0';

/** Does the token that ends at `end` (exclusive, before a period) read as an abbreviation? */
function abbreviationBefore(text: string, periodAt: number): boolean {
  let s = periodAt;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1])) s--;
  const tok = text.slice(s, periodAt).toLowerCase().replace(/^\.+/, '');
  if (!tok) return false;
  // "m.m.", "osv." and the like often end a sentence: then the capital letter after them decides
  if (CAN_END.has(tok.replace(/\./g, '')) && /\s+\p{Lu}/u.test(text.slice(periodAt + 1, periodAt + 4))) return false;
  if (ABBREVIATION_SET.has(tok) || ABBREVIATION_SET.has(tok.replace(/\./g, ''))) return true;
  // initials "A." / acronyms with inner periods "e.Kr"
  if (/^\p{L}$/u.test(tok) && /\p{Lu}/u.test(text[s])) return true;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(tok)) return true;
  return false;
}

/** Next non-space character at or after i (skipping spaces and line breaks) and its index. */
function nextVisible(text: string, i: number): [string | undefined, number] {
  while (i < text.length && /\s/.test(text[i])) i++;
  return [text[i], i];
}

const LIST_START = /^(?:[-•–*]\s|\d{1,2}[.)]\s|[a-z][.)]\s|e\s(?=\p{Lu}))/u;

export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const { start: s, end: e } = trimSpan(text, start, end);
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) out.push({ start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  const n = text.length;
  let lineStart = 0;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      const line = text.slice(lineStart, i).trim();
      // blank line: paragraph break
      let j = i + 1;
      if (c === '\r' && text[j] === '\n') j++;
      let k = j;
      while (k < n && isSpace(text[k])) k++;
      const blank = k < n && (text[k] === '\n' || text[k] === '\r');
      const rest = text.slice(k, Math.min(n, k + 12));
      const endsSentence = /[.!?:;]$/.test(line);
      const headingLike =
        line.length > 0 && line.length <= 50 && !endsSentence && /^\p{Lu}/u.test(line) && /^\p{Lu}/u.test(rest) && !/[,–-]$/.test(line);
      if (blank || headingLike || LIST_START.test(rest) || k >= n) push(i);
      lineStart = j;
      i = j - 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    // run of terminal punctuation and closing quotes/brackets
    let e = i + 1;
    while (e < n && /[.!?…"”’)»\]]/.test(text[e])) e++;
    if (e < n && !/\s/.test(text[e])) continue; // "2.1", "bl.a", "e-post.se"
    const [next] = nextVisible(text, e);
    if (next === undefined) break;
    if (c === '.') {
      if (abbreviationBefore(text, i)) continue;
      // "3 kap. 5 §": a number before the period and a lowercase/number/§ after it
      if (/\d/.test(text[i - 1] ?? '') && /[\p{Ll}\d§]/u.test(next)) continue;
    }
    // a sentence starts with a capital letter, a digit, a quote, a dash or §
    if (!/[\p{Lu}\d"”'«–\-§(•]/u.test(next)) continue;
    push(e);
    i = e - 1;
  }
  push(n);
  return out;
}

/** Words (letters, digits inside words, hyphens), with offsets. */
export function words(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/\p{L}[\p{L}\p{N}'’]*(?:-\p{L}[\p{L}\p{N}'’]*)*/gu)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\p{L}[\p{L}\p{N}'’]*(?:-\p{L}[\p{L}\p{N}'’]*)*/gu)) n++;
  return n;
}
