/**
 * A small linear tokenizer for one paragraph of normalised text.
 *
 * Tokens are numbers (runs of ASCII digits), words (runs of letters) and symbols (one code unit, or a run
 * of "§"); spaces and newlines separate them. They live in flat arrays, and the grammar tests them by
 * index: a token's kind is a symbol's code unit or one of the negative constants below, and words are
 * compared with constants char by char in place (lower-cased and folded, see `foldedAscii`), so most
 * tokens are never sliced into strings.
 */
import { isHighLetter } from '../text/letters';

/** Kinds of tokens that are not a one-code-unit symbol (whose kind is its code unit, ≥ 0). */
export const NUM = -1;
export const WORD = -2;
/** A run of three or more "§" ("§§" has the kind of "§"). */
export const OTHER = -3;
/** The kind of an index outside the list. */
export const NONE = -4;
const SECTION_SIGN = 0xa7;

const FOLD: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', é: 'e', è: 'e', à: 'a', ü: 'u' };
const NOT_ASCII_LOWER = /[^a-z]/;
const FOLDABLE = /[åäöéèàü]/g;

/** A word lower-cased and folded (å/ä/à → a, ö → o, é/è → e, ü → u). */
function foldWord(raw: string): string {
  const v = raw.toLowerCase();
  return NOT_ASCII_LOWER.test(v) ? v.replace(FOLDABLE, (ch) => FOLD[ch] ?? ch) : v;
}

/**
 * The letter a–z (as a char code) that the letter with code c becomes when lower-cased and folded like
 * `foldWord`, or -1 when it becomes anything else. Besides A–Z and a–z these are the folded Swedish and
 * French letters in both cases and the Kelvin (K) and Ångström (Å) signs; "İ" becomes two code units.
 */
export function foldedAscii(c: number): number {
  if (c >= 97 && c <= 122) return c;
  if (c >= 65 && c <= 90) return c + 32;
  switch (c) {
    case 0xe5: // å
    case 0xe4: // ä
    case 0xe0: // à
    case 0xc5: // Å
    case 0xc4: // Ä
    case 0xc0: // À
    case 0x212b: // Ångström sign
      return 97;
    case 0xf6: // ö
    case 0xd6: // Ö
      return 111;
    case 0xe9: // é
    case 0xe8: // è
    case 0xc9: // É
    case 0xc8: // È
      return 101;
    case 0xfc: // ü
    case 0xdc: // Ü
      return 117;
    case 0x212a: // Kelvin sign
      return 107;
    default:
      return -1;
  }
}

/** A–Z or a–z: c | 32 maps A–Z to a–z and no other code unit into a–z. */
const isAsciiLetter = (c: number): boolean => ((c | 32) - 97) >>> 0 < 26;

/** Folded words (a–z only, shorter than 32) to find a token in, with a prefilter by length and first letter. */
export class WordList {
  /** Bit n: some word has length n. */
  readonly lengths: number = 0;
  /** For each first letter a–z, the indices of the words starting with it (undefined: none). */
  readonly byFirst: (number[] | undefined)[] = new Array<number[] | undefined>(26).fill(undefined);
  constructor(readonly words: readonly string[]) {
    for (let x = 0; x < words.length; x++) {
      this.lengths |= 1 << words[x].length;
      (this.byFirst[words[x].charCodeAt(0) - 97] ??= []).push(x);
    }
  }
}

/** Whether the text ending at e ends in "a" or "e" (either case), as every ordinal word does. */
const endsInAOrE = (p: string, e: number): boolean => {
  const c = p.charCodeAt(e - 1) | 0x20;
  return c === 97 || c === 101;
};

/** Is token k "kap" or the "." of "kap." (a chapter word right before a section number)? */
function afterChapter(text: string, starts: Int32Array, kinds: Int32Array, k: number): boolean {
  const w = kinds[k] === 46 && k > 0 ? k - 1 : k;
  if (kinds[w] !== WORD) return false;
  const s = starts[w];
  return (text.charCodeAt(s) | 0x20) === 107 && (text.charCodeAt(s + 1) | 0x20) === 97 && (text.charCodeAt(s + 2) | 0x20) === 112 && !isAsciiLetter(text.charCodeAt(s + 3));
}

// Scratch buffers of tokenizeList (grown as needed, shared: a TokenList is valid until the next call).
// Every kind past the current list is NONE, so kind() needs no bounds test: a list of n code units has at
// most n tokens, and the buffers hold PAD more entries than the longest paragraph so far.
const PAD = 16;
let bufKind = new Int32Array(1024).fill(NONE);
let bufS = new Int32Array(1024);
let bufE = new Int32Array(1024);
/** Token count of the current list (kinds from here on are NONE). */
let used = 0;
/** The current list's starts (see TokenList.starts). */
let bufStarts = new Int32Array(1024);

/**
 * The tokens of a paragraph, by index. Valid until the next tokenizeList call. Every test is false
 * (and kind() is NONE) after the list; indices are never negative; s(), e() and the other plain
 * accessors need an index inside the list.
 */
export class TokenList {
  /**
   * The text the paragraph is read from: the paragraph itself, or the whole (flat) text it is a part
   * of, where it starts at `base` (reading a flat string is faster than reading a slice of one).
   * The buffers hold offsets in this text; s() and e() give them in the paragraph.
   */
  p = '';
  base = 0;
  length = 0;
  /**
   * Indices, in order, of the tokens the provision grammar may start at: numbers of one to three digits,
   * three- and seven-letter words starting with a letter that folds to "k" ("kap", "kapitel"), and words of
   * 4–9 letters ending in "a" or "e" right after a word of at most 6 letters (an ordinal after a cue: "i första
   * stycket"). The grammar skips every other token.
   */
  starts = bufStarts;
  startCount = 0;

  /** The kind of token i ≥ 0: a symbol's code unit, NUM, WORD or OTHER; NONE after the list. */
  kind(i: number): number {
    // (Past the buffers too: the grammar looks only a few tokens beyond the list, but be safe.)
    return bufKind[i] ?? NONE;
  }

  /** Start offset in the paragraph. */
  s(i: number): number {
    return bufS[i] - this.base;
  }

  /** End offset in the paragraph. */
  e(i: number): number {
    return bufE[i] - this.base;
  }

  /** Length in UTF-16 code units. */
  len(i: number): number {
    return bufE[i] - bufS[i];
  }

  /** The first code unit. */
  first(i: number): number {
    return this.p.charCodeAt(bufS[i]);
  }

  /** The last code unit. */
  last(i: number): number {
    return this.p.charCodeAt(bufE[i] - 1);
  }

  /** Whitespace before the token (only spaces and newlines separate tokens). */
  sp(i: number): boolean {
    const s = bufS[i];
    return s > this.base && (this.p.charCodeAt(s - 1) === 32 || this.p.charCodeAt(s - 1) === 10);
  }

  isNum(i: number): boolean {
    return this.kind(i) === NUM;
  }

  isWord(i: number): boolean {
    return this.kind(i) === WORD;
  }

  /** A number token's value (Number of its digits). */
  num(i: number): number {
    const s = bufS[i];
    const e = bufE[i];
    if (e - s > 15) return Number(this.p.slice(s, e));
    let x = 0;
    for (let k = s; k < e; k++) x = x * 10 + (this.p.charCodeAt(k) - 48);
    return x;
  }

  /** A symbol token that is the code unit `code` ("§" also matches "§§"). */
  sym(i: number, code: number): boolean {
    return this.kind(i) === code;
  }

  /**
   * A word that lower-cases and folds to `w` (a–z only). Folding keeps the length of every letter but
   * "İ", which never folds to a–z.
   */
  word(i: number, w: string): boolean {
    if (this.kind(i) !== WORD) return false;
    const s = bufS[i];
    if (bufE[i] - s !== w.length) return false;
    for (let k = 0; k < w.length; k++) if (foldedAscii(this.p.charCodeAt(s + k)) !== w.charCodeAt(k)) return false;
    return true;
  }

  /** The index in `list` of the word the token folds to, or -1. */
  wordIndex(i: number, list: WordList): number {
    if (this.kind(i) !== WORD) return -1;
    const s = bufS[i];
    const len = bufE[i] - s;
    if (len > 31 || ((list.lengths >>> len) & 1) === 0) return -1;
    const c0 = foldedAscii(this.p.charCodeAt(s));
    const candidates = c0 < 0 ? undefined : list.byFirst[c0 - 97];
    if (candidates === undefined) return -1;
    for (const x of candidates) {
      const w = list.words[x];
      if (w.length !== len) continue;
      let k = 1;
      while (k < len && foldedAscii(this.p.charCodeAt(s + k)) === w.charCodeAt(k)) k += 1;
      if (k === len) return x;
    }
    return -1;
  }

  /** A one-letter word that folds to a–z: that letter's char code; else -1. */
  letter(i: number): number {
    if (this.kind(i) !== WORD || bufE[i] - bufS[i] !== 1) return -1;
    return foldedAscii(this.p.charCodeAt(bufS[i]));
  }

  /** A word whose folded form is one code unit (every one-letter word but "İ"). */
  isOneLetterWord(i: number): boolean {
    return this.kind(i) === WORD && bufE[i] - bufS[i] === 1 && this.p.charCodeAt(bufS[i]) !== 0x130;
  }

  /** The raw text. */
  raw(i: number): string {
    return this.p.slice(bufS[i], bufE[i]);
  }

  /** Text; words lower-cased and folded. */
  folded(i: number): string {
    const raw = this.raw(i);
    return bufKind[i] === WORD ? foldWord(raw) : raw;
  }
}

const list = new TokenList();

/**
 * The paragraph's tokens (numbers, words, symbols). The list is shared: valid until the next call.
 * The paragraph p may be read from `text` at `from` instead: text.slice(from, from + p.length) must be
 * p but for newlines where p has spaces (both separate tokens alike).
 */
export function tokenizeList(p: string, text: string = p, from = 0): TokenList {
  const len = p.length;
  if (bufS.length < len + PAD) {
    const cap = Math.max(len + PAD, bufS.length * 2);
    bufKind = new Int32Array(cap).fill(NONE);
    bufS = new Int32Array(cap);
    bufE = new Int32Array(cap);
    bufStarts = new Int32Array(cap);
    used = 0;
  }
  const startList = bufStarts;
  let startCount = 0;
  const kinds = bufKind;
  const starts = bufS;
  const ends = bufE;
  let count = 0;
  const n = from + len;
  /** The previous token's length when it is a word, else more than any test below. */
  let wordBefore = n + 1;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10) {
      i += 1;
      continue;
    }
    let j = i + 1;
    if ((c - 48) >>> 0 < 10) {
      while (j < n && (text.charCodeAt(j) - 48) >>> 0 < 10) j += 1;
      kinds[count] = NUM;
      // (a provision's number has at most three digits: longer ones, years mostly, begin nothing)
      if (j - i <= 3) startList[startCount++] = count;
      wordBefore = n + 1;
    } else if (isAsciiLetter(c) || (c >= 0xc0 && isHighLetter(c, text, i))) {
      while (j < n) {
        const d = text.charCodeAt(j);
        if (!isAsciiLetter(d) && (d < 0xc0 || !isHighLetter(d, text, j))) break;
        j += 1;
      }
      kinds[count] = WORD;
      const wl = j - i;
      if (((wl === 3 || wl === 7) && foldedAscii(c) === 107) || (wl >= 4 && wl <= 9 && wordBefore <= 6 && endsInAOrE(text, j))) startList[startCount++] = count;
      wordBefore = wl;
    } else {
      if (c === SECTION_SIGN) {
        while (j < n && text.charCodeAt(j) === SECTION_SIGN) j += 1;
        kinds[count] = j - i <= 2 ? SECTION_SIGN : OTHER;
      } else if (c === 36 && count >= 3 && kinds[count - 1] === NUM && afterChapter(text, starts, kinds, count - 2)) {
        // OCR's "$" for "§" where nothing else can stand: "4 kap. 1 $".
        while (j < n && text.charCodeAt(j) === 36) j += 1;
        kinds[count] = j - i <= 2 ? SECTION_SIGN : OTHER;
      } else kinds[count] = c;
      wordBefore = n + 1;
    }
    starts[count] = i;
    ends[count] = j;
    count += 1;
    i = j;
  }
  if (used > count) kinds.fill(NONE, count, used);
  used = count;
  list.p = text;
  list.base = from;
  list.length = count;
  list.starts = startList;
  list.startCount = startCount;
  return list;
}
