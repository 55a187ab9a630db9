import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, AnalysisResultSchema, offsetErrors } from '../../../lib';
import { analyzeDocument } from '../../../lib/documents';

const seed = (name: string) => readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), 'utf8');
const SN = seed('stockholm-socialnamnden-remissvar-faltassistenter.txt');
const HA = seed('stockholm-hagersten-alvsjo-yttrande-vallingbyteamet.txt');

describe('seed: Socialnämnden, remissvar on fältassistenter (OCR-damaged)', () => {
  const r = analyzeDocument(SN);
  it('is a remissvar with evidence', () => {
    expect(r.document.kind).toBe('remissvar');
    expect(r.document.confidence).toBeGreaterThan(0.7);
    expect(r.document.evidence[0]).toBe("rubrik 'Svar på remiss från kommunstyrelsen, Dnr KS 2023/105'");
  });
  it('has its case number, authority spelled properly and the motion by Gabriel Kroon (SD)', () => {
    expect(r.document.caseNumbers[0]).toBe('KS 2023/105');
    expect(r.document.authority).toBe('Socialnämnden');
    expect(r.document.motion?.authors).toEqual([{ name: 'Gabriel Kroon', party: 'SD' }]);
  });
  it('has a readable title: the motion it answers', () => {
    expect(r.document.title).toBe('Motion om utvärdering av fältassistenter');
    expect(r.document.motion?.title).toBe('Motion om utvärdering av fältassistenter');
  });
  it('has no own date (only dates in the running text)', () => {
    expect(r.document.date).toBeNull();
  });
  it('finds every required section despite OCR damage, Jämställdhetsanalys included', () => {
    const ids = r.sections.map((s) => s.id);
    for (const id of ['forslag-till-beslut', 'sammanfattning', 'bakgrund', 'arendet', 'arendets-beredning', 'jamstalldhetsanalys', 'forvaltningens-synpunkter'])
      expect(ids).toContain(id);
    expect(r.missingSections.filter((m) => m.severity === 'error')).toEqual([]);
    const j = r.sections.find((s) => s.id === 'jamstalldhetsanalys')!;
    expect(SN.slice(j.start, j.start + j.heading.length)).toBe('Jamstalldhetsanalys');
  });
  it('takes the proposal from "Förvaltningens förslag till beslut"', () => {
    expect(r.document.proposals).toEqual(['Socialndmnden godkénner forvaltningens tjdnsteutldtande som svar pa remissen.']);
  });
  it('does not take "Sammanfattningsvis" inside the text for a heading', () => {
    expect(r.sections.filter((s) => s.id === 'sammanfattning')).toHaveLength(1);
  });
});

describe('seed: Hägersten-Älvsjö, yttrande on Vällingbyteamet', () => {
  const r = analyzeDocument(HA);
  it('is a remissvar dated 2023-08-24 for Hägersten-Älvsjö stadsdelsnämnd', () => {
    expect(r.document.kind).toBe('remissvar');
    expect(r.document.date).toBe('2023-08-24');
    expect(r.document.authority).toBe('Hägersten-Älvsjö stadsdelsnämnd');
  });
  it('has handläggare Linda Lindblom 08-50822310', () => {
    expect(r.document.officer).toEqual({ name: 'Linda Lindblom', phone: '08-50822310' });
  });
  it('has the motion authors Jan Jönsson (L) and Anne-Lie Elfvén (L)', () => {
    expect(r.document.motion?.authors).toEqual([
      { name: 'Jan Jönsson', party: 'L' },
      { name: 'Anne-Lie Elfvén', party: 'L' },
    ]);
    expect(r.document.title).toBe('Återinför Vällingbyteamet – motion från (L)');
  });
  it('misses Jämställdhetsanalys as an error, with a Swedish reason', () => {
    const j = r.missingSections.find((m) => m.id === 'jamstalldhetsanalys');
    expect(j?.severity).toBe('error');
    expect(j?.label).toBe('Jämställdhetsanalys');
    expect(j?.reason).toMatch(/jämställdhet/i);
    expect(r.problems.some((p) => p.code === 'missing-section' && p.severity === 'error' && /Jämställdhetsanalys/.test(p.message))).toBe(true);
    expect(r.missingSections.filter((m) => m.severity === 'error').map((m) => m.id)).toEqual(['jamstalldhetsanalys']);
  });
  it('sections run in order, each from its heading to the next', () => {
    expect(r.sections.map((s) => s.id)).toEqual([
      'forslag-till-beslut', 'sammanfattning', 'bakgrund', 'arendet', 'arendets-beredning', 'forvaltningens-synpunkter', 'bilagor',
    ]);
    for (let i = 0; i < r.sections.length; i++) {
      const s = r.sections[i];
      expect(HA.slice(s.start, s.start + s.heading.length)).toBe(s.heading);
      if (i + 1 < r.sections.length) expect(s.end).toBe(r.sections[i + 1].start);
    }
  });
  it('does not take the quoted att-satser of the motion for a motion', () => {
    expect(r.document.proposals).toHaveLength(1);
    expect(r.document.proposals[0]).toMatch(/^Hägersten-Älvsjö stadsdelsnämnd godkänner/);
  });
});

describe('analyze() with document analysis honours the contract on the seeds', () => {
  for (const [name, text] of [['SN', SN], ['HA', HA]] as const) {
    it(name, () => {
      const res = analyze(text);
      expect(() => AnalysisResultSchema.parse(res)).not.toThrow();
      expect(offsetErrors(res, text)).toEqual([]);
    });
  }
});
