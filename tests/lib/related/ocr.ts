/**
 * Deterministic OCR damage, modelled on the seed scan (socialnämndens remissvar):
 * å/ä/ö read as a, d, é, i or o; "i" and "l" read as "1"; letters dropped from diacritics.
 */
const SUBSTITUTIONS: Record<string, string[]> = {
  ä: ['a', 'd', 'é', 'i'],
  å: ['a', 'é', 'd'],
  ö: ['o', 'é', '6'],
  i: ['1', 'l'],
  l: ['1', 'i'],
  e: ['é', 'c'],
  n: ['m', 'rn'],
};

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Damage about `rate` of the damageable letters. Diacritics are always at risk; other letters at a fifth of the rate. */
export function ocrDamage(text: string, rate: number, seed: number): string {
  const random = rng(seed);
  let out = '';
  for (const ch of text) {
    const options = SUBSTITUTIONS[ch];
    const p = /[åäö]/.test(ch) ? rate * 3 : rate;
    if (options && random() < p) out += options[Math.floor(random() * options.length)];
    else out += ch;
  }
  return out;
}
