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
  private value: string | undefined = undefined;
  constructor(
    private p: string,
    public type: TokType,
    /** Offsets in the paragraph string. */
    public s: number,
    public e: number,
    /** Whitespace before this token. */
    public sp: boolean,
  ) {}

  /** Reuse this object for another token (the pool of TokenList). */
  reset(p: string, type: TokType, s: number, e: number, sp: boolean): this {
    this.p = p;
    this.type = type;
    this.s = s;
    this.e = e;
    this.sp = sp;
    this.value = undefined;
    return this;
  }

  /** The raw text. */
  get raw(): string {
    return this.p.slice(this.s, this.e);
  }

  /** Text; words lower-cased and folded (å/ä → a, ö → o, é → e). */
  get v(): string {
    if (this.value !== undefined) return this.value;
    let v = this.p.slice(this.s, this.e);
    if (this.type === 'word') {
      // Most words are plain a–z already (no lower-casing or folding needed) or ASCII letters (lower-casing only).
      let kind = 0; // 0: a–z, 1: ASCII letters, 2: other
      for (let i = this.s; i < this.e; i++) {
        const c = this.p.charCodeAt(i);
        if (c >= 97 && c <= 122) continue;
        if (c >= 65 && c <= 90) kind = 1;
        else {
          kind = 2;
          break;
        }
      }
      if (kind === 1) v = v.toLowerCase();
      else if (kind === 2) {
        v = v.toLowerCase();
        if (NOT_ASCII_LOWER.test(v)) v = v.replace(FOLDABLE, (ch) => FOLD[ch] ?? ch);
      }
    }
    this.value = v;
    return v;
  }

  /** A number token's value: Number(v), without slicing the text. */
  get n(): number {
    const len = this.e - this.s;
    if (this.type !== 'num' || len > 15) return Number(this.v);
    let x = 0;
    for (let i = this.s; i < this.e; i++) x = x * 10 + (this.p.charCodeAt(i) - 48);
    return x;
  }

  /** The first UTF-16 code unit of the raw text. */
  get first(): number {
    return this.p.charCodeAt(this.s);
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

const TYPE_NAMES: readonly TokType[] = ['num', 'word', 'sym'];
export const NUM = 0;
export const WORD = 1;
export const SYM = 2;
// Scratch buffers of tokenizeList (grown as needed, shared: a TokenList is valid until the next call).
let bufType = new Uint8Array(1024);
let bufS = new Int32Array(1024);
let bufE = new Int32Array(1024);
let bufSp = new Uint8Array(1024);
// Tok objects of the current list, reused between lists: pool[i] is token i of the list of generation gen when poolGen[i] === gen.
const pool: Tok[] = [];
let poolGen = new Int32Array(1024);
let gen = 0;

/**
 * The tokens of a paragraph as flat arrays; a Tok object is made only for the tokens the grammar
 * looks at (t(i)). Valid until the next tokenizeList call.
 */
export class TokenList {
  constructor(
    private readonly p: string,
    readonly length: number,
    private readonly gen: number,
  ) {}

  /** Token i as an object: undefined outside the list (typed as an array index is). */
  t(i: number): Tok {
    if (i < 0 || i >= this.length) return undefined as unknown as Tok;
    if (poolGen[i] === this.gen) return pool[i];
    poolGen[i] = this.gen;
    if (i < pool.length) return pool[i].reset(this.p, TYPE_NAMES[bufType[i]], bufS[i], bufE[i], bufSp[i] === 1);
    while (pool.length < i) pool.push(new Tok('', 'sym', 0, 0, false));
    const x = new Tok(this.p, TYPE_NAMES[bufType[i]], bufS[i], bufE[i], bufSp[i] === 1);
    pool.push(x);
    return x;
  }

  /** NUM, WORD or SYM of token i (0 ≤ i < length). */
  type(i: number): number {
    return bufType[i];
  }

  s(i: number): number {
    return bufS[i];
  }

  e(i: number): number {
    return bufE[i];
  }
}

/** The paragraph's tokens (numbers, words, symbols) in flat arrays. */
export function tokenizeList(p: string): TokenList {
  const n = p.length;
  if (bufS.length < n) {
    const cap = Math.max(n, bufS.length * 2);
    bufType = new Uint8Array(cap);
    bufS = new Int32Array(cap);
    bufE = new Int32Array(cap);
    bufSp = new Uint8Array(cap);
    const g = new Int32Array(cap);
    g.set(poolGen);
    poolGen = g;
  }
  let count = 0;
  let i = 0;
  let sp = false;
  while (i < n) {
    const c = p.charCodeAt(i);
    if (c === 32 || c === 10) {
      sp = true;
      i += 1;
      continue;
    }
    let j = i + 1;
    let type: number;
    if (c >= 48 && c <= 57) {
      while (j < n) {
        const d = p.charCodeAt(j);
        if (d < 48 || d > 57) break;
        j += 1;
      }
      type = NUM;
    } else if (isLetterCode(c, p, i)) {
      while (j < n && isLetterCode(p.charCodeAt(j), p, j)) j += 1;
      type = WORD;
    } else {
      if (c === 0xa7) while (j < n && p.charCodeAt(j) === 0xa7) j += 1;
      type = SYM;
    }
    bufType[count] = type;
    bufS[count] = i;
    bufE[count] = j;
    bufSp[count] = sp ? 1 : 0;
    count += 1;
    sp = false;
    i = j;
  }
  if (gen === 0x7fffffff) {
    gen = 0;
    poolGen.fill(0);
  }
  gen += 1;
  return new TokenList(p, count, gen);
}
