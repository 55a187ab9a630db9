/**
 * Whitespace and hyphenation normalisation with an offset map back to the
 * original text. The result keeps every letter, digit and punctuation mark of
 * the original (so grammars can run on it), with:
 *
 * - runs of whitespace (spaces, tabs, NBSP and other Unicode spaces, CR, LF)
 *   collapsed to one space, or to one "\n" when the run holds a blank line
 *   (a paragraph break);
 * - soft hyphens (U+00AD) removed, non-breaking hyphens (U+2011) read as "-";
 * - end-of-line hyphenation joined ("anställ-\nningsskydd" → "anställningsskydd"),
 *   except before "och", "eller", "samt", "till" ("hälso-\noch" stays "hälso- och").
 */
import { OffsetMapBuilder, type OffsetMap } from './offset-map';

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** Offsets in `text` → offsets in the original. */
  map: OffsetMap;
}

const isSpace = (c: number): boolean =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c ||
  c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0x2009 || c === 0x200a || c === 0x3000 ||
  c === 0x2002 || c === 0x2003 || c === 0x2028 || c === 0x2029;

const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);
const isLower = (ch: string): boolean => /\p{Ll}/u.test(ch);
/**
 * Where normalisation may change something: a space character other than a lone " ", a soft or
 * non-breaking hyphen, a hyphen. A " " followed by a space character starts a run. Every match
 * is one character long; the loop measures the run.
 */
const SPECIAL = /[\t\n\v\f\r\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u3000\u2028\u2029\u00ad\u2011\u2010-]| (?=[ \t\n\v\f\r\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u3000\u2028\u2029])/g;
const KEEP_HYPHEN_BEFORE = /^(?:och|eller|samt|till|respektive|resp)\b/;

export function normalizeText(original: string): NormalizedText {
  const b = new OffsetMapBuilder();
  const out: string[] = [];
  let runStart = 0; // start of the pending verbatim run
  const n = original.length;
  let i = 0;
  const flush = (end: number) => {
    if (end > runStart) {
      out.push(original.slice(runStart, end));
      b.copy(runStart, end - runStart);
    }
  };
  while (i < n) {
    // Jump to the next character that may need work (all others are copied as they are).
    SPECIAL.lastIndex = i;
    if (!SPECIAL.test(original)) break;
    i = SPECIAL.lastIndex - 1;
    const c = original.charCodeAt(i);
    if (c === 0xad) {
      flush(i);
      i += 1;
      runStart = i;
      continue;
    }
    if (c === 0x2011) {
      flush(i);
      out.push('-');
      b.replace(i, i + 1);
      i += 1;
      runStart = i;
      continue;
    }
    if ((c === 0x2d || c === 0x2010) && i > 0 && isLetter(original[i - 1])) {
      // Possible end-of-line hyphenation: "-", optional spaces, a line break, spaces, a lower-case letter.
      let j = i + 1;
      let newlines = 0;
      while (j < n && isSpace(original.charCodeAt(j))) {
        if (original.charCodeAt(j) === 0x0a) newlines += 1;
        j += 1;
      }
      if (newlines === 1 && j < n && isLower(original[j]) && !KEEP_HYPHEN_BEFORE.test(original.slice(j, j + 12))) {
        flush(i);
        i = j;
        runStart = i;
        continue;
      }
    }
    if (isSpace(c)) {
      let j = i;
      let newlines = 0;
      while (j < n && isSpace(original.charCodeAt(j))) {
        if (original.charCodeAt(j) === 0x0a) newlines += 1;
        j += 1;
      }
      const replacement = newlines >= 2 ? '\n' : ' ';
      if (j - i === 1 && original[i] === replacement) {
        i = j; // already normal: stays in the verbatim run
        continue;
      }
      flush(i);
      out.push(replacement);
      b.replace(i, j);
      i = j;
      runStart = i;
      continue;
    }
    i += 1;
  }
  flush(n);
  return { text: out.join(''), map: b.build(n) };
}
