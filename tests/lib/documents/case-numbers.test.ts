import { describe, expect, it } from 'vitest';
import { findCaseNumbers } from '../../../lib/documents/case-numbers';

const refs = (t: string) => findCaseNumbers(t).map((c) => c.ref);

describe('findCaseNumbers', () => {
  it.each([
    ['Svar på remiss från kommunstyrelsen, Dnr KS 2023/105', 'KS 2023/105'],
    ['Dnr SN 2019/0055', 'SN 2019/0055'],
    ['2018-08-28 SN 18/0098 Socialnämnden', 'SN 18/0098'],
    ['KS 2003/0520-85', 'KS 2003/0520-85'],
    ['Diarienummer 2024/KS 0107', '2024/KS 0107'],
    ['Diarienummer 2023/VN 0010 004', '2023/VN 0010 004'],
    ['Dnr 328-1720/2012 (framställd 17/12)', '328-1720/2012'],
    ['KS 316-259/2012', '316-259/2012'],
    ['Dnr 1.5.1-135-2012', '1.5.1-135-2012'],
    ['Dnr: 2.6-335-2013', '2.6-335-2013'],
    ['Dnr 2012-130-2.1.1.', '2012-130-2.1.1'],
    ['Dnr 1.6-0029/2011', '1.6-0029/2011'],
    ['dnr T 2010-313-01743', 'T 2010-313-01743'],
    ['Upprustning av Blanchegatan. Dnr 2012- 182-3.1.', '2012-182-3.1'],
    ['remitterat en remiss (2023/310) av trygghetsprogrammet', '2023/310'],
    ['Tjänsteutlåtande Dnr UtbN 2024/0456', 'UtbN 2024/0456'],
    ['Se SoN 2023/12 och budgeten för Mars 2024/25', 'SoN 2023/12'],
  ])('%s → %s', (text, ref) => {
    expect(refs(text)).toEqual([ref]);
  });

  it('reads a list of numbers of one form after "Dnr" (Hässelby 2012), but no date after it', () => {
    const t = 'Vita Villan och parklek i Smedshagen.\n\nDnr 7-742-2011 och 5-744-2011\nÅterremitterat ärende.';
    expect(refs(t)).toEqual(['7-742-2011', '5-744-2011']);
    const second = findCaseNumbers(t)[1];
    expect(t.slice(second.start, second.end)).toBe('5-744-2011');
    expect(refs('JO dnr 4379-2013, 5176-2013 och 12-2013.')).toEqual(['4379-2013', '5176-2013', '12-2013']);
    expect(refs('Dnr 1.5.1-135-2012, 2012-05-03 sammanträde')).toEqual(['1.5.1-135-2012']);
    expect(refs('Dnr 123-2011 och 2012-05-03.')).toEqual(['123-2011']);
  });

  it('keeps offsets and the written text ("Dnr" included)', () => {
    const t = 'Ärende Dnr KS 2023/105 gäller.';
    const [m] = findCaseNumbers(t);
    expect(t.slice(m.start, m.end)).toBe(m.text);
    expect(m.text).toBe('Dnr KS 2023/105');
  });

  it.each([
    'socialtjänstlagen (2001:453)',
    'Motion av Yvonne Ruwaida (mp) (2008:25)',
    'Sammanträde 2023-08-24',
    'SFS 2010:740',
    'prop. 2000/01:80',
    'I 2023/24 års budget',
    'Dnr /2007',
    'budgetåret 2023/2024',
    '§ 63/20 Fastställande av dagordning',
  ])('finds nothing in %s', (t) => {
    expect(refs(t)).toEqual([]);
  });
});
