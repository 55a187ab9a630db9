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
