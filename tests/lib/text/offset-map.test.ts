import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OffsetMapBuilder } from '../../../lib/text';

describe('offset map look-ups', () => {
  it('give each derived offset the original one the map was built with, in any order of look-ups', () => {
    // A map built from random copies (runs taken one for one) and replacements (one character for a range),
    // with gaps of deleted characters between them; the reference is the plain list of original offsets.
    const op = fc.record({ gap: fc.nat({ max: 3 }), kind: fc.constantFrom('copy', 'replace'), size: fc.integer({ min: 1, max: 6 }) });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 80 }), fc.array(fc.nat(), { maxLength: 60 }), (ops, order) => {
        const b = new OffsetMapBuilder();
        const expected: number[] = [];
        let orig = 0;
        for (const o of ops) {
          orig += o.gap;
          if (o.kind === 'copy') {
            b.copy(orig, o.size);
            for (let j = 0; j < o.size; j++) expected.push(orig + j);
          } else {
            b.replace(orig, orig + o.size);
            expected.push(orig);
          }
          orig += o.size;
        }
        const map = b.build(orig);
        expect(map.length).toBe(expected.length);
        const inOrder = [...expected.keys()];
        // in text order, backwards, and in a random order, all on the same map (whose remembered segment moves)
        for (const i of [...inOrder, ...[...inOrder].reverse(), ...order.map((x) => x % expected.length)]) expect(map.toOriginal(i)).toBe(expected[i]);
      }),
      { numRuns: 500 },
    );
  });
});
