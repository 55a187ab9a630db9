import { describe, expect, it } from 'vitest';
import { analyze, AnalysisResultSchema, offsetErrors } from '../../lib';

describe('analyze() honours the contract', () => {
  it('returns a result that validates for plain text', () => {
    const text = 'Svar på remiss från kommunstyrelsen, Dnr KS 2023/105';
    const result = analyze(text);
    expect(() => AnalysisResultSchema.parse(result)).not.toThrow();
    expect(offsetErrors(result, text)).toEqual([]);
  });
});
