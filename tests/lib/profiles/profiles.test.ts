import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeDocument } from '../../../lib/documents';
import {
  listProfiles, loadProfile, profileForKind, ProfileError, ProfileSchema, registerProfile, registerProfileJson, unregisterProfile,
} from '../../../lib/profiles';

const doc = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

describe('built-in profiles', () => {
  it('exist for every checked kind and validate', () => {
    const names = listProfiles().map((p) => p.name);
    for (const n of ['stockholm-remissvar', 'stockholm-tjansteutlatande', 'stockholm-motion', 'protokoll', 'protokollsutdrag', 'stockholm-remiss', 'stockholm-skrivelse'])
      expect(names).toContain(n);
    for (const n of names) expect(() => ProfileSchema.parse(loadProfile(n))).not.toThrow();
  });
  it('require jämställdhetsanalys in Stockholm tjänsteutlåtanden and remissvar, with a Swedish reason', () => {
    for (const n of ['stockholm-tjansteutlatande', 'stockholm-remissvar']) {
      const j = loadProfile(n).required.find((r) => r.id === 'jamstalldhetsanalys');
      expect(j?.reason).toMatch(/jämställdhet/);
    }
  });
  it('a motion needs its att-satser and signatories', () => {
    expect(loadProfile('stockholm-motion').required.map((r) => r.id)).toEqual(['att-satser', 'underskrifter']);
  });
  it('remissvar extends the tjänsteutlåtande profile and drops ekonomiska konsekvenser', () => {
    const p = loadProfile('stockholm-remissvar');
    expect(p.required.map((r) => r.id)).toEqual(['forslag-till-beslut', 'sammanfattning', 'arendet', 'forvaltningens-synpunkter', 'jamstalldhetsanalys']);
    expect(p.recommended.map((r) => r.id)).not.toContain('ekonomiska-konsekvenser');
    expect(p.required.find((r) => r.id === 'arendet')?.reason).toMatch(/remissen/);
  });
  it('are chosen from the kind; unknown demands nothing', () => {
    expect(profileForKind('remissvar')?.name).toBe('stockholm-remissvar');
    expect(profileForKind('protokoll', 'protokollsutdrag')?.name).toBe('protokollsutdrag');
    expect(profileForKind('unknown')).toBeNull();
  });
});

describe('errors', () => {
  it('unknown name → ProfileError listing the profiles', () => {
    expect(() => loadProfile('finns-inte')).toThrow(ProfileError);
    expect(() => loadProfile('finns-inte')).toThrow(/Tillgängliga profiler: .*stockholm-remissvar/);
  });
  it('invalid objects are rejected with a Swedish message', () => {
    expect(() => registerProfile({ name: 'Ogiltigt namn', label: 'x' })).toThrow(/Ogiltig profil/);
    expect(() => registerProfile({ name: 'x', label: 'x', required: [{ id: 'a', label: 'A' }] })).toThrow(/reason/);
    expect(() => registerProfile({ name: 'x', label: 'x', extends: 'saknas' })).toThrow(/bygger på 'saknas'/);
    expect(() => registerProfileJson('{ inte json')).toThrow(/inte giltig JSON/);
    expect(() => registerProfile({ name: 'x', label: 'x', okänt: 1 })).toThrow(ProfileError);
  });
  it('analyzeDocument reports an unknown profile as an error problem and falls back to the kind', () => {
    const r = analyzeDocument(doc('seeds/stockholm-hagersten-alvsjo-yttrande-vallingbyteamet.txt'), { profile: 'finns-inte' });
    expect(r.problems[0]).toMatchObject({ code: 'profile-error', severity: 'error' });
    expect(r.profile).toBe('stockholm-remissvar');
  });
});

describe("an organisation's own profile", () => {
  const org = {
    name: 'sdf-test',
    label: 'Stadsdelsförvaltningens mall',
    extends: 'stockholm-remissvar',
    remove: ['jamstalldhetsanalys'],
    required: [{ id: 'risk', label: 'Risk- och konsekvensanalys', reason: 'Förvaltningens egen mall kräver en riskanalys.' }],
    headings: [{ id: 'risk', label: 'Risk- och konsekvensanalys', variants: ['Risk- och konsekvensanalys', 'Riskanalys'] }],
  };
  it('can be registered, chosen by name, and recognises its own headings', () => {
    registerProfile(org);
    try {
      const text = doc('seeds/stockholm-hagersten-alvsjo-yttrande-vallingbyteamet.txt');
      const r = analyzeDocument(text, { profile: 'sdf-test' });
      expect(r.profile).toBe('sdf-test');
      expect(r.missingSections.map((m) => m.id)).toContain('risk');
      expect(r.missingSections.map((m) => m.id)).not.toContain('jamstalldhetsanalys');
      const withRisk = text.replace('Bilagor\n', 'Riskanalys\n\nInga särskilda risker.\n\nBilagor\n');
      const r2 = analyzeDocument(withRisk, { profile: 'sdf-test' });
      expect(r2.sections.map((s) => s.id)).toContain('risk');
      expect(r2.missingSections.map((m) => m.id)).not.toContain('risk');
    } finally {
      unregisterProfile('sdf-test');
    }
    expect(() => loadProfile('sdf-test')).toThrow(ProfileError);
  });
  it('can be passed as an object without registering it', () => {
    const r = analyzeDocument(doc('seeds/stockholm-hagersten-alvsjo-yttrande-vallingbyteamet.txt'), { profile: org });
    expect(r.profile).toBe('sdf-test');
    expect(r.missingSections.map((m) => m.id)).toContain('risk');
    expect(listProfiles().map((p) => p.name)).not.toContain('sdf-test');
  });
  it('--profile can choose another built-in profile than the kind would', () => {
    const r = analyzeDocument(doc('seeds/stockholm-hagersten-alvsjo-yttrande-vallingbyteamet.txt'), { profile: 'stockholm-motion' });
    expect(r.document.kind).toBe('remissvar');
    // its "Förvaltningens förslag till beslut" stands in for att-satser; it has a date but no signatories
    expect(r.missingSections.map((m) => m.id)).toEqual(['underskrifter']);
  });
});

describe('section order', () => {
  it('warns when Sammanfattning comes after Förvaltningens synpunkter', () => {
    const text = 'Tjänsteutlåtande\n\nFörvaltningens förslag till beslut\nNämnden godkänner.\n\nFörvaltningens synpunkter och förslag\nBra.\n\nSammanfattning\nKort.\n';
    const r = analyzeDocument(text);
    const p = r.problems.find((x) => x.code === 'section-order');
    expect(p?.severity).toBe('warning');
    expect(text.slice(p!.start, p!.end)).toBe('Sammanfattning');
  });
});
