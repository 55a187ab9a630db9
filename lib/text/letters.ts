/** Letter tests on UTF-16 code units, as /\p{L}/u answers them, without the regex for the common cases. */
const LETTER = /\p{L}/u;

/**
 * Whether the code unit c (≥ 0xC0, at t[i]) is a letter: the Latin letters up to U+024F by table
 * (all of them but × and ÷), the rest by the regex.
 */
export function isHighLetter(c: number, t: string, i: number): boolean {
  if (c < 0x250) return c !== 0xd7 && c !== 0xf7;
  return LETTER.test(t[i]);
}

/** /\p{L}/u on the code unit t[i]. */
export function isLetterAt(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  if (c < 0xc0) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0xaa || c === 0xb5 || c === 0xba;
  return isHighLetter(c, t, i);
}

/** Length (1 or 2) of the letter (a code point) ending at `b`, not before `from`; 0 if none. */
export function letterBefore(p: string, b: number, from: number): number {
  if (b <= from) return 0;
  const c = p.charCodeAt(b - 1);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 1;
  if (c < 0xaa) return 0;
  // Latin-1 letters: ª µ º and all of U+00C0–U+00FF but × and ÷.
  if (c <= 0xff) return c >= 0xc0 ? (c !== 0xd7 && c !== 0xf7 ? 1 : 0) : c === 0xaa || c === 0xb5 || c === 0xba ? 1 : 0;
  if (c >= 0xdc00 && c <= 0xdfff && b - 2 >= from) {
    const h = p.charCodeAt(b - 2);
    if (h >= 0xd800 && h <= 0xdbff) return LETTER.test(p.slice(b - 2, b)) ? 2 : 0;
  }
  return LETTER.test(p[b - 1]) ? 1 : 0;
}
