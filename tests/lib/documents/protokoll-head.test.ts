import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib';

// A protokoll written the way Stockholm's nämnder open theirs: the date inside a long first line,
// the members with their parties, then the items.
const PROTOKOLL = `PROTOKOLL 4/2024
fört vid sammanträde med socialnämnden tisdagen den 16 april 2024 kl. 18.00–19.30, Swedenborgsgatan 20, Stockholm

Närvarande ledamöter
Ordförande Jonas Naddebo (C)
Vice ordförande Emilia Bjuggren (S)

Justerare: Emilia Bjuggren (S)

§ 1 Val av justerare

§ 2 Svar på remiss av motion om fler fritidsgårdar i ytterstaden
Dnr SN 2024/0456

Beslut
Socialnämnden godkänner förvaltningens tjänsteutlåtande som svar på remissen.

Justeras den 23 april 2024
`;

describe('a protokoll’s head', () => {
  const result = analyze(PROTOKOLL);
  it('takes the meeting date from a long opening line', () => {
    expect(result.document.kind).toBe('protokoll');
    expect(result.document.date).toBe('2024-04-16');
    expect(result.missingSections.map((m) => m.id)).not.toContain('datum');
  });
  it('does not take the members listed next to an item about a motion for the motion’s authors', () => {
    expect(result.document.motion?.authors ?? []).toEqual([]);
    expect(result.document.authority).toBe('Socialnämnden');
    expect(result.document.caseNumbers).toEqual(['SN 2024/0456']);
  });
});
