/**
 * Folding for case matching: case, diacritics and the usual OCR confusions
 * ("å/ä/ö" lost or read as "a/d/é/i", "1" for "i") should not stop two copies
 * of the same words from meeting. Builds on `foldName` from lib/text and adds
 * what whole-text comparison needs: words, a lone "1" read as "i", and a
 * consonant skeleton that is blind to the vowels OCR most often gets wrong.
 */
import { foldName } from '../text';

/** Lower case, diacritics and OCR digits folded, one space between words. */
export function foldText(s: string): string {
  return foldName(s);
}

/** The folded words of `s`: letters and digits only; a lone "1" or "l" between words reads "i". */
export function foldedWords(s: string): string[] {
  const words = foldText(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
  return words.map((w, i) => (w === '1' && i > 0 && i < words.length - 1 && /\p{L}/u.test(words[i - 1]) ? 'i' : w));
}

const VOWELS = /[aeiouy]/g;

/**
 * A word's consonant skeleton: its first letter, then its consonants, with
 * doubled letters kept single. "Utvärdering", "utvirdering" and "utvardering"
 * all give "utvrdrng"; digits are kept as they are. OCR reads "l" as "i" or
 * "1" and "m" as "rn" or "n", so "l" is left out and "m" counts as "n".
 */
export function skeleton(word: string): string {
  if (word.length === 0) return word;
  if (/^\p{N}+$/u.test(word)) return word;
  const rest = word.slice(1).replace(VOWELS, '').replace(/l/g, '').replace(/m/g, 'n');
  let out = word[0];
  for (const ch of rest) if (ch !== out[out.length - 1]) out += ch;
  return out;
}
