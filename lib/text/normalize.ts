/**
 * Whitespace and hyphenation normalisation with an offset map back to the
 * original text. The result keeps every letter, digit and punctuation mark of
 * the original (so grammars can run on it), with:
 *
 * - runs of whitespace (spaces, tabs, NBSP and other Unicode spaces, CR, LF)
 *   collapsed to one space, or to one "\n" when the run holds a blank line
 *   (a paragraph break);
 * - soft hyphens (U+00AD) removed, non-breaking hyphens (U+2011) read as "-";
 * - a letter followed by a combining accent (as some PDFs give "ä": "a" + U+0308) composed into one
 *   character ("ä"), where Unicode has one;
 * - end-of-line hyphenation joined ("anställ-\nningsskydd" → "anställningsskydd"),
 *   except before "och", "eller", "samt", "till" ("hälso-\noch" stays "hälso- och").
 */
import { isLetterAt } from './letters';
import { OffsetMapBuilder, type OffsetMap } from './offset-map';

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** Offsets in `text` → offsets in the original. */
  map: OffsetMap;
}

/** A space character that normalisation collapses (line breaks included). */
export const isSpace = (c: number): boolean =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c ||
  c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0x2009 || c === 0x200a || c === 0x3000 ||
  c === 0x2002 || c === 0x2003 || c === 0x2028 || c === 0x2029;

const isLower = (ch: string): boolean => /\p{Ll}/u.test(ch);
/**
 * Where normalisation may change something: a space character other than " ", a soft or
 * non-breaking hyphen, a combining mark, or two spaces. A " " before one of the other space characters also starts
 * a run: the loop steps back to it. Every match but the two spaces is one character long; the
 * loop measures the run. (Scanning for two spaces rather than " " followed by any space character
 * is several times faster, as " " is common.) A hyphen can only join a line if a run with a line
 * break follows it, so hyphens are looked at from the runs. Combining marks are looked for only in a
 * text that has one of the common ones (indexOf finds those in a fraction of what the wider class
 * costs the scan of every text).
 */
const SPECIAL = /[\t\n\v\f\r\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u3000\u2028\u2029\u00ad\u2011]| {2}/g;
// eslint-disable-next-line no-misleading-character-class -- the class finds combining marks on their own, by design
const SPECIAL_AND_MARKS = /[\t\n\v\f\r\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u3000\u2028\u2029\u00ad\u2011\u0300-\u036f]| {2}/g;
/** Has the text a diaeresis, ring or acute as a combining mark (PDF text's "a" + U+0308 for "ä")? */
const hasMarks = (s: string): boolean => s.includes('\u0308') || s.includes('\u030a') || s.includes('\u0301');
const KEEP_HYPHEN_BEFORE = /^(?:och|eller|samt|till|respektive|resp)\b/;

export function normalizeText(original: string): NormalizedText {
  const b = new OffsetMapBuilder();
  const out: string[] = [];
  let runStart = 0; // start of the pending verbatim run
  const n = original.length;
  const special = hasMarks(original) ? SPECIAL_AND_MARKS : SPECIAL;
  let i = 0;
  /** The verbatim run up to `end`, then `replacement` (in one piece: fewer pieces join faster). */
  const flush = (end: number, replacement: string) => {
    if (end > runStart) {
      out.push(original.slice(runStart, end) + replacement);
      b.copy(runStart, end - runStart);
    } else if (replacement) out.push(replacement);
  };
  while (i < n) {
    // Jump to the next character that may need work (all others are copied as they are).
    const from = i;
    special.lastIndex = from;
    if (!special.test(original)) break;
    i = special.lastIndex - 1;
    if (original.charCodeAt(i) === 0x20) i -= 1; // two spaces
    else if (i > from && original.charCodeAt(i - 1) === 0x20 && isSpace(original.charCodeAt(i))) i -= 1; // a run from its " "
    const c = original.charCodeAt(i);
    if (c === 0xad) {
      flush(i, '');
      i += 1;
      runStart = i;
      continue;
    }
    if (c >= 0x300 && c <= 0x36f) {
      // A combining mark: composed with the character before it when that is still to be copied.
      const composed = i > runStart ? original.slice(i - 1, i + 1).normalize('NFC') : '';
      if (composed.length === 1) {
        flush(i - 1, composed);
        b.replace(i - 1, i + 1);
        runStart = i + 1;
      }
      i += 1;
      continue;
    }
    if (c === 0x2011) {
      flush(i, '-');
      b.replace(i, i + 1);
      i += 1;
      runStart = i;
      continue;
    }
    if (isSpace(c)) {
      let j = i;
      let newlines = 0;
      while (j < n && isSpace(original.charCodeAt(j))) {
        if (original.charCodeAt(j) === 0x0a) newlines += 1;
        j += 1;
      }
      // End-of-line hyphenation: a letter, "-", optional spaces, one line break, spaces, a lower-case letter.
      const h = i - 1;
      if (newlines === 1 && h > 0 && (original.charCodeAt(h) === 0x2d || original.charCodeAt(h) === 0x2010) && isLetterAt(original, h - 1) &&
        j < n && isLower(original[j]) && !KEEP_HYPHEN_BEFORE.test(original.slice(j, j + 12))) {
        flush(h, '');
        i = j;
        runStart = i;
        continue;
      }
      const replacement = newlines >= 2 ? '\n' : ' ';
      if (j - i === 1 && original.charCodeAt(i) === replacement.charCodeAt(0)) {
        i = j; // already normal: stays in the verbatim run
        continue;
      }
      flush(i, replacement);
      b.replace(i, j);
      i = j;
      runStart = i;
      continue;
    }
    i += 1;
  }
  flush(n, '');
  return { text: out.join(''), map: b.build(n) };
}
