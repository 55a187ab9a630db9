import { describe, expect, it } from 'vitest';
import { foldName } from '../../../lib/text';
import { fingerprintOf } from '../../../lib/related';

/** Median time of `runs` calls of fn on fresh input (fresh: foldName caches by input). */
function time(make: (run: number) => string, fn: (s: string) => unknown, runs = 3): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const input = make(r);
    const start = performance.now();
    fn(input);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const dense = (n: number, run: number) =>
  `Tjänsteutlåtande ${run}\n\n` + Array.from({ length: n }, (_, i) => `${(i % 9) + 1} kap. ${(i % 30) + 1} § SoL`).join(';\n ');

describe('folding whole documents grows linearly with their length', () => {
  // A quadratic fold (a string flattened on every appended character) took 11 s for 20,000 references
  // and blocked the background from answering. Eight times the text must take far less than 64 times as long.
  it('foldName and the case fingerprint', () => {
    for (const fn of [foldName, fingerprintOf] as const) {
      const small = time((r) => dense(4_000, r), fn);
      const large = time((r) => dense(32_000, r + 10), fn);
      expect(large / Math.max(small, 1)).toBeLessThan(30);
    }
  });
});
