/**
 * Length-preserving folding for tolerant matching. Every function here maps one
 * UTF-16 code unit to exactly one code unit, so an index into the folded string
 * is an index into the original text: regexes run on the folded text and their
 * offsets point straight into what the user gave us.
 */

const FOLD: Record<string, string> = {
  å: 'a', ä: 'a', à: 'a', á: 'a', â: 'a', ã: 'a', æ: 'a',
  ö: 'o', ø: 'o', ó: 'o', ò: 'o', ô: 'o', õ: 'o',
  é: 'e', è: 'e', ê: 'e', ë: 'e',
  í: 'i', ì: 'i', î: 'i', ï: 'i',
  ú: 'u', ù: 'u', û: 'u', ü: 'u',
  ç: 'c', ñ: 'n', ß: 's',
  // typographic variants
  '\u2013': '-', '\u2014': '-', '\u2011': '-', '\u00ad': '-',
  '\u2019': "'", '\u2018': "'", '\u201d': '"', '\u201c': '"', '\u00a0': ' ',
};

/** Lower-case, diacritics removed, dashes/quotes/nbsp unified. Same length as the input. */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const lower = c.toLowerCase();
    // toLowerCase can change length for a few exotic code points; keep 1:1.
    const l = lower.length === 1 ? lower : c;
    out += FOLD[l] ?? l;
  }
  return out;
}

/**
 * Key for comparing heading-like strings: folded, letters only, single spaces.
 * Not length-preserving; used for short strings only.
 */
export function letterKey(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9&\- ]+/g, ' ')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Levenshtein distance with an upper bound: returns `max + 1` as soon as the
 * distance is known to exceed `max`. O(len(a) * len(b)) on short strings.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * A regex source that matches `word` in *folded* text while tolerating the
 * OCR damage seen in scanned council PDFs: every å/ä/ö of the proper spelling
 * may come out as any single non-space character ("Socialndmnden",
 * "godkénner", "g&r") and "i" may be read as "1" or "l".
 */
export function ocrTolerant(word: string): string {
  let src = '';
  for (const c of word) {
    const lc = c.toLowerCase();
    if (lc === 'å' || lc === 'ä' || lc === 'ö') src += '\\S';
    else if (lc === 'i') src += '[i1l]';
    else if (lc === ' ') src += '\\s+';
    else if (lc === '-') src += '[-\\s]?';
    else src += (FOLD[lc] ?? lc).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return src;
}

/** Collapse whitespace (line breaks included) to single spaces and trim. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
