import { describe, expect, it } from 'vitest';
import { growth } from '../../linear';
import { foldName } from '../../../lib/text';
import { fingerprintOf } from '../../../lib/related';

const dense = (n: number, run: number) =>
  `Tjänsteutlåtande ${run}\n\n` + Array.from({ length: n }, (_, i) => `${(i % 9) + 1} kap. ${(i % 30) + 1} § SoL`).join(';\n ');

describe('folding whole documents grows linearly with their length', () => {
  // A quadratic fold (a string flattened on every appended character) took 11 s for 20,000 references
  // and blocked the background from answering. Eight times the text must take far less than 64 times as long.
  it('foldName and the case fingerprint', () => {
    for (const fn of [foldName, fingerprintOf] as const) {
      expect(growth(dense, fn, 4_000, 3)).toBeLessThan(30);
    }
  });
});
