/**
 * A small linear tokenizer for one paragraph of normalised text.
 *
 * Tokens are cheap: type, offsets and the space flag are plain fields; the
 * raw text and the folded value are sliced from the paragraph only when the
 * grammar asks for them (most tokens are never looked at as strings).
 */
export type TokType = 'num' | 'word' | 'sym';

const FOLD: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', é: 'e', è: 'e', à: 'a', ü: 'u' };
const NOT_ASCII_LOWER = /[^a-z]/;
const FOLDABLE = /[åäöéèàü]/g;

export class Tok {
  private value: string | undefined;
  constructor(
    private readonly p: string,
    readonly type: TokType,
    /** Offsets in the paragraph string. */
    readonly s: number,
    readonly e: number,
    /** Whitespace before this token. */
    readonly sp: boolean,
  ) {}

  /** The raw text. */
  get raw(): string {
    return this.p.slice(this.s, this.e);
  }

  /** Text; words lower-cased and folded (å/ä → a, ö → o, é → e). */
  get v(): string {
    if (this.value !== undefined) return this.value;
    let v = this.p.slice(this.s, this.e);
    if (this.type === 'word') {
      v = v.toLowerCase();
      if (NOT_ASCII_LOWER.test(v)) v = v.replace(FOLDABLE, (ch) => FOLD[ch] ?? ch);
    }
    this.value = v;
    return v;
  }

  /** Length in UTF-16 code units. */
  get length(): number {
    return this.e - this.s;
  }
}

const LETTER = /\p{L}/u;

function isLetterCode(c: number, p: string, i: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  if (c < 0xc0) return false;
  // Common Swedish letters without a regex test.
  if (c === 0xe5 || c === 0xe4 || c === 0xf6 || c === 0xc5 || c === 0xc4 || c === 0xd6 || c === 0xe9) return true;
  return LETTER.test(p[i]);
}

export function tokenize(p: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let sp = false;
  const n = p.length;
  while (i < n) {
    const c = p.charCodeAt(i);
    if (c === 32 || c === 10) {
      sp = true;
      i += 1;
      continue;
    }
    let j = i + 1;
    let type: TokType;
    if (c >= 48 && c <= 57) {
      while (j < n) {
        const d = p.charCodeAt(j);
        if (d < 48 || d > 57) break;
        j += 1;
      }
      type = 'num';
    } else if (isLetterCode(c, p, i)) {
      while (j < n && isLetterCode(p.charCodeAt(j), p, j)) j += 1;
      type = 'word';
    } else {
      if (c === 0xa7) while (j < n && p.charCodeAt(j) === 0xa7) j += 1;
      type = 'sym';
    }
    toks.push(new Tok(p, type, i, j, sp));
    sp = false;
    i = j;
  }
  return toks;
}
