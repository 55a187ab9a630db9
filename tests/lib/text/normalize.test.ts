import { describe, expect, it } from 'vitest';
import { foldName, boundedEditDistance, normalizeText, OffsetMapBuilder } from '../../../lib/text';

describe('normalizeText', () => {
  it('collapses whitespace, keeps paragraph breaks and maps offsets back', () => {
    const original = 'enligt 3 kap.\u00a0 5 §\n\n\nsocialtjänstlagen';
    const { text, map } = normalizeText(original);
    expect(text).toBe('enligt 3 kap. 5 §\nsocialtjänstlagen');
    const i = text.indexOf('socialtjänstlagen');
    expect(original.slice(map.toOriginal(i), map.toOriginalEnd(i + 'socialtjänstlagen'.length))).toBe('socialtjänstlagen');
    const s = text.indexOf('3 kap');
    expect(original.slice(map.toOriginal(s), map.toOriginalEnd(text.indexOf('§') + 1))).toBe('3 kap.\u00a0 5 §');
  });

  it('joins end-of-line hyphenation but keeps "hälso- och"', () => {
    const original = 'lagen om anställ-\nningsskydd och hälso-\noch sjukvårdslagen';
    const { text, map } = normalizeText(original);
    expect(text).toBe('lagen om anställningsskydd och hälso- och sjukvårdslagen');
    const i = text.indexOf('anställningsskydd');
    expect(original.slice(map.toOriginal(i), map.toOriginalEnd(i + 17))).toBe('anställ-\nningsskydd');
  });

  it('drops soft hyphens', () => {
    const { text, map } = normalizeText('social\u00adtjänst');
    expect(text).toBe('socialtjänst');
    expect(map.toOriginal(6)).toBe(7);
  });

  it('composes a letter and a combining accent, as some PDFs give them ("a" + U+0308 → "ä")', () => {
    const original = 'socialtja\u0308nstlagen och sjukva\u030ardslagen; \u0308 alone';
    const { text, map } = normalizeText(original);
    expect(text).toBe('socialtjänstlagen och sjukvårdslagen; \u0308 alone');
    const i = text.indexOf('sjukvårdslagen');
    expect(original.slice(map.toOriginal(i), map.toOriginalEnd(i + 14))).toBe('sjukva\u030ardslagen');
    expect(map.toOriginal(9)).toBe(10); // the "n" after "a" + U+0308
  });
});

describe('OffsetMapBuilder', () => {
  it('maps segments by binary search', () => {
    const b = new OffsetMapBuilder();
    b.copy(0, 3);
    b.copy(10, 2);
    const map = b.build(12);
    expect([0, 1, 2, 3, 4].map((i) => map.toOriginal(i))).toEqual([0, 1, 2, 10, 11]);
    expect(map.toOriginalEnd(3)).toBe(3);
    expect(map.toOriginalEnd(5)).toBe(12);
  });
});

describe('foldName', () => {
  it('folds OCR damage of the seed document', () => {
    expect(foldName('Socialtjänstlagen')).toBe('socialtjanstlagen');
    expect(foldName('socialtjanstlagen')).toBe('socialtjanstlagen');
    expect(foldName('soc1altjänstlagen')).toBe('socialtjanstlagen');
    expect(boundedEditDistance(foldName('socialtjianstlagen'), 'socialtjanstlagen', 2)).toBe(1);
    expect(boundedEditDistance('abc', 'xyzabc', 2)).toBe(3);
  });
});
