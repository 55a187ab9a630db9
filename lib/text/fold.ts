/**
 * Folding for name matching: OCR-damaged and diacritic-free spellings of the
 * same word fold to the same key ("Socialtjänstlagen", "socialtjanstlagen",
 * "socialtjénstlagen", "soc1altjänstlagen" → "socialtjanstlagen").
 * Folding is for comparing words only; it does not keep offsets.
 */
const FOLD: Record<string, string> = {
  å: 'a', ä: 'a', à: 'a', á: 'a', â: 'a', ã: 'a', æ: 'a', '&': 'a', '@': 'a',
  ö: 'o', ó: 'o', ò: 'o', ô: 'o', õ: 'o', ø: 'o',
  é: 'e', è: 'e', ê: 'e', ë: 'e',
  í: 'i', ì: 'i', î: 'i', ï: 'i',
  ü: 'u', ú: 'u', ù: 'u', û: 'u',
  ý: 'y', ÿ: 'y',
};

/** Lower-case, fold diacritics and common OCR substitutions, collapse spaces. */
const PLAIN = /^[a-z]+$/;

/** Characters the simple path cannot fold (OCR digits, soft hyphens, whitespace). */
const NEEDS_LOOP = /[10!|\u00ad\s]/;
const FOLDABLE = /[åäàáâãæ&@öóòôõøéèêëíìîïüúùûýÿ]/g;
const cache = new Map<string, string>();

export function foldName(s: string): string {
  // Only ASCII letters: folding is lower-casing, with no Map look-up (which would hash a freshly sliced string).
  let upper = false;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) continue;
    if (c >= 65 && c <= 90) upper = true;
    else break;
  }
  if (i === s.length) return upper ? s.toLowerCase() : s;
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  const out = foldUncached(s);
  if (cache.size >= 20_000) cache.clear();
  cache.set(s, out);
  return out;
}

function foldUncached(s: string): string {
  const lower = s.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  if (!NEEDS_LOOP.test(lower)) return lower.replace(FOLDABLE, (ch) => FOLD[ch]);
  let out = '';
  // Tracked here, not asked of `out`: endsWith() on a long concatenated string flattens it each time (quadratic).
  let lastWasSpace = false;
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i];
    const f = FOLD[ch];
    let add: string;
    if (f !== undefined) add = f;
    else if ((ch === '1' || ch === '0' || ch === '!' || ch === '|') && i > 0 && lower[i - 1] !== ' ' && /\p{L}/u.test(lower[i - 1])) {
      add = ch === '0' ? 'o' : 'i';
    } else if (ch === '\u00ad') continue;
    else if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\u00a0') {
      if (lastWasSpace) continue;
      add = ' ';
    } else add = ch;
    out += add;
    if (add.length) lastWasSpace = add.endsWith(' ');
  }
  return out.trim();
}

/**
 * Optimal string alignment distance with an upper bound: returns a number
 * > max as soon as the distance must exceed it (O(n·max) time).
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    for (let j = 1; j < lo; j++) cur[j] = max + 1;
    for (let j = lo; j <= hi; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    for (let j = hi + 1; j <= m; j++) cur[j] = max + 1;
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}
