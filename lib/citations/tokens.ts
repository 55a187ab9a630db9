/** A small linear tokenizer for one paragraph of normalised text. */
export type TokType = 'num' | 'word' | 'sym';

export interface Tok {
  type: TokType;
  /** Offsets in the paragraph string. */
  s: number;
  e: number;
  /** Text; words lower-cased and folded (å/ä → a, ö → o, é → e). */
  v: string;
  /** The raw text. */
  raw: string;
  /** Whitespace before this token. */
  sp: boolean;
}

const FOLD: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', é: 'e', è: 'e', à: 'a', ü: 'u' };

function isLetterCode(c: number, ch: string): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  if (c < 0xc0) return false;
  return /\p{L}/u.test(ch);
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
      while (j < n && p.charCodeAt(j) >= 48 && p.charCodeAt(j) <= 57) j += 1;
      type = 'num';
    } else if (isLetterCode(c, p[i])) {
      while (j < n && isLetterCode(p.charCodeAt(j), p[j])) j += 1;
      type = 'word';
    } else {
      if (p[i] === '§') while (j < n && p[j] === '§') j += 1;
      type = 'sym';
    }
    const raw = p.slice(i, j);
    let v = raw;
    if (type === 'word') {
      v = raw.toLowerCase();
      if (/[^a-z]/.test(v)) v = v.replace(/[åäöéèàü]/g, (ch) => FOLD[ch] ?? ch);
    }
    toks.push({ type, s: i, e: j, v, raw, sp });
    sp = false;
    i = j;
  }
  return toks;
}
