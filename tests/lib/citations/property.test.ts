/**
 * Property tests: random and adversarial strings never make the engine throw, every
 * offset is valid, and time grows linearly (checked by time ratios between sizes, so
 * a regex with catastrophic backtracking or a quadratic loop shows up as a ratio far
 * above the size ratio).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growth } from '../../linear';
import { findCitations } from '../../../lib/citations';
import { normalizeText } from '../../../lib/text';

const opts = { date: '2024-01-01', dateKnown: true };

const pieces = [
  '§', '§§', ' ', '  ', '\n', '\n\n', '(', ')', '/', ':', '-', '–', ',', '.', 'kap.', 'kap', '1', '12', '2023', '3 a',
  'och', 'SoL', 'LVU', 'KL', 'lagen', 'socialtjänstlagen', '(2001:453)', 'första stycket', 'punkt', 'prop.', 'SOU',
  'HFD', 'ref.', 'NJA', 's.', 'artikel', '(EU)', 'förordning', 'dnr', 'KS', 'JO', 'SOSFS', 'ä', 'é', '\u00ad', '\u00a0',
];
const adversarial = fc.array(fc.constantFrom(...pieces), { maxLength: 200 }).map((a) => a.join(''));

function check(text: string): void {
  const r = findCitations(text, opts);
  // In order and not overlapping (the sort and the overlap pass).
  let prevEnd = 0;
  for (const c of r.citations) {
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.end).toBeLessThanOrEqual(text.length);
    expect(c.start).toBeLessThan(c.end);
    expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(c.start).toBeGreaterThanOrEqual(prevEnd);
    prevEnd = c.end;
  }
  for (const p of r.problems) {
    expect(p.start ?? 0).toBeGreaterThanOrEqual(0);
    expect(p.end ?? 0).toBeLessThanOrEqual(text.length);
  }
}

describe('citation engine properties', () => {
  it('never throws and keeps offsets valid on random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => check(s)), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => check(s)), { numRuns: 200 });
  });

  it('never throws and keeps offsets valid on adversarial citation-like strings', () => {
    fc.assert(fc.property(adversarial, (s) => check(s)), { numRuns: 500 });
  });

  it('keeps long texts with hundreds of citations of every kind in order, without overlaps', () => {
    // (more than 64 citations: the engine's merge of the finders' ordered runs, not the small-list sort;
    // whole citations of each kind among the adversarial pieces, which touch and overlap them)
    const whole = ['3 kap. 5 § SoL', '4:1 SoL', 'prop. 2000/01:80 s. 91', 'SOU 2020:47', 'HFD 2018 ref. 5', 'NJA 2019 s. 504',
      'förordning (EU) 2016/679', 'SOSFS 2014:5', 'Dnr KS 2023/105', 'mål nr 1234-22', '11 kap. 1 och 2 §§ LVU'];
    const long = fc
      .array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...whole)), { minLength: 400, maxLength: 800 })
      .map((a) => a.join(''));
    let most = 0;
    fc.assert(
      fc.property(long, (s) => {
        check(s);
        most = Math.max(most, findCitations(s, opts).citations.length);
      }),
      { numRuns: 30 },
    );
    expect(most).toBeGreaterThan(64);
  });

  it('normalisation maps every offset into the original', () => {
    fc.assert(
      fc.property(adversarial, (s) => {
        const { text, map } = normalizeText(s);
        for (let i = 0; i <= text.length; i++) {
          const o = map.toOriginal(i);
          expect(o).toBeGreaterThanOrEqual(0);
          expect(o).toBeLessThanOrEqual(s.length);
          if (i < text.length && text[i] !== ' ' && text[i] !== '\n' && text[i] !== '-') expect(s[o]).toBe(text[i]);
        }
      }),
      { numRuns: 300 },
    );
  });

  const runs: [string, string][] = [
    ['digits', '1234567890'],
    ['section signs', '§'],
    ['kap.', 'kap. '],
    ['spaces', ' '],
    ['parentheses', '('],
    ['slashes', '/'],
    ['number lists', '1, '],
    ['och lists', '1 och '],
    ['chapter-section lists', '3 kap. 5 §, '],
    ['letters', 'socialtjanstlagen'],
    ['upper case', 'ABCDEFGH'],
    ['names with numbers', 'lagen (2001:453) om '],
    ['dnr', 'dnr 12-34 och '],
    ['a. prop.', 'prop. 2000/01:80 a. prop. s. 1 '],
    ['hyphens', 'a-\n'],
    ['mixed', '1 § 2 st. 3 kap. (SFS 2001:4) SoL-'],
  ];

  it.each(runs)('time grows linearly on long runs of %s', (_name, unit) => {
    // 8× the input: linear ≈ 8×, quadratic ≈ 64×. Allow for timer noise and GC.
    expect(growth((n) => unit.repeat(Math.ceil(n / unit.length)), check, 20_000)).toBeLessThan(24);
  });
});
