import { describe, expect, it } from 'vitest';
import coreData from '../../../lib/laws/data/core.json';
import { defaultRegistry } from '../../../lib/laws/default';
import { LawRegistry } from '../../../lib/laws/registry';
import { createNodeLoader, installTitleIndexSync } from '../../../lib/laws/node-loader';

describe('law registry', () => {
  it('validates its data with zod', () => {
    expect(() => LawRegistry.fromData({ ...coreData, laws: [{ sfs: 'x' }] })).toThrow();
    expect(LawRegistry.fromData(coreData).get('2001:453')?.title).toBe('Socialtjänstlag');
  });

  it('resolves socialtjänstlagen and SoL by date', () => {
    const r = defaultRegistry();
    const sol = r.abbreviation('SoL');
    expect(sol).toBeDefined();
    expect(r.pickAt(sol!.primary, '2025-06-30')?.sfs).toBe('2001:453');
    expect(r.pickAt(sol!.primary, '2025-07-01')?.sfs).toBe('2025:400');
    expect(r.pickAt(sol!.primary, '1995-01-01')?.sfs).toBe('1980:620');
    expect(r.pickAt(r.lawsNamed('kommunallagen')!, '2015-01-01')?.sfs).toBe('1991:900');
    expect(r.pickAt(r.lawsNamed('kommunallagen')!, '2018-01-01')?.sfs).toBe('2017:725');
    expect(r.abbreviation('KL')?.secondary).toContain('1987:672');
  });

  it('knows which sections exist', () => {
    const r = defaultRegistry();
    expect(r.sectionStatus('2001:453', '3', '3 a')).toBe('exists');
    expect(r.sectionStatus('2001:453', '3', '3A')).toBe('exists');
    expect(r.sectionStatus('2001:453', '3', '99')).toBe('missing');
    expect(r.sectionStatus('1990:52', undefined, '2')).toBe('exists');
    expect(r.sectionStatus('1976:580', undefined, '11')).toBe('unknown');
  });

  it('does not call a section missing where the source lost sections (skollagen: "Kapitlets innehåll" sections)', () => {
    const r = defaultRegistry();
    // 7 kap. 1 § exists in the statute; the converted source merged its heading into 2 §'s.
    expect(r.sectionStatus('2010:800', '7', '2')).toBe('exists');
    expect(r.sectionStatus('2010:800', '7', '1')).toBe('unknown');
    expect(r.sectionStatus('2010:800', '1', '1')).toBe('unknown');
    // 9 kap. (förskoleklassen) is absent from the source file
    expect(r.chapterStatus('2010:800', '9')).toBe('unknown');
    // laws converted without loss still know what is missing
    expect(r.sectionStatus('1990:52', undefined, '99')).toBe('missing');
    expect(r.chapterStatus('2017:725', '19')).toBe('missing');
  });

  it('loads section texts lazily and the titles index on demand', async () => {
    const r = LawRegistry.fromData(coreData);
    const loader = createNodeLoader();
    const sec = await r.sectionText('2001:453', '5', '1', loader);
    expect(sec?.text).toMatch(/Socialnämnden/);
    expect(r.get('1970:428')).toBeUndefined();
    installTitleIndexSync(r);
    expect(r.get('1970:428')?.title).toBe('Delgivningslag');
    expect(r.lawsNamed('delgivningslagen')).toContain('1970:428');
  });
});
