/**
 * main() in-process with the engine replaced, for what the seeds cannot show
 * yet: exit status 1 on error-level findings, a broken engine result, and the
 * report on a full result.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { AnalysisResultSchema } from '../../lib/analysis/schema';
import type { AnalysisResult } from '../../lib/analysis/schema';

const SEED = fileURLToPath(
  new URL('../fixtures/seeds/stockholm-socialnamnden-remissvar-faltassistenter.txt', import.meta.url),
);

const state: { next: (text: string) => AnalysisResult } = { next: () => FULL };

vi.mock('../../lib/analysis/analyze', () => ({
  analyze: (text: string) => state.next(text),
  todayIso: () => '2024-01-01',
}));

const { main, isValidIsoDate, hasErrors } = await import('../../cli/main');
const { formatReport } = await import('../../lib/report');

const TEXT = 'Enligt 11 kap. 1 § SoL och prop. 2000/01:80 ska nämnden utreda.\nSe även 5 kap. 1 § socialtjänstlagen.';

const FULL: AnalysisResult = {
  schemaVersion: 1,
  document: {
    kind: 'tjansteutlatande',
    confidence: 0.9,
    evidence: ["rubrik 'Förvaltningens förslag till beslut'"],
    title: 'Remiss av motion om utvärdering av fältassistenter',
    date: '2023-05-02',
    caseNumbers: ['KS 2023/105'],
    authority: 'Socialnämnden',
    officer: { name: 'Anna Andersson', phone: '08-508 000 00' },
    motion: { title: 'Vetenskaplig utvärdering av fältassistenter', authors: [{ name: 'Gabriel Kroon', party: 'SD' }] },
    proposals: ['Socialnämnden godkänner förvaltningens tjänsteutlåtande som svar på remissen.'],
  },
  sections: [{ id: 'sammanfattning', heading: 'Sammanfattning', start: 0, end: 65 }],
  missingSections: [{ id: 'jamstalldhetsanalys', label: 'Jämställdhetsanalys', severity: 'warning', reason: 'Profilen kräver den.' }],
  citations: [
    {
      start: 7, end: 21, text: '11 kap. 1 § SoL', kind: 'statute',
      law: { sfs: '2001:453', title: 'Socialtjänstlagen', abbreviation: 'SoL', status: 'repealed', repealedOn: '2025-07-01', replacedBy: '2025:400' },
      targets: [{ chapter: '11', section: '1' }],
      links: [{ label: 'Lagtext', url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/socialtjanstlag-2001453_sfs-2001-453/' }],
      problems: [{ code: 'repealed-law', message: 'Lagen är upphävd.' }],
    },
    { start: 25, end: 44, text: 'prop. 2000/01:80', kind: 'preparatory', ref: 'prop. 2000/01:80' },
    {
      start: 74, end: 104, text: '5 kap. 1 § socialtjänstlagen', kind: 'statute',
      law: { sfs: '2001:453', title: 'Socialtjänstlagen', abbreviation: 'SoL', status: 'repealed' },
    },
  ],
  problems: [
    { code: 'repealed-law', severity: 'error', message: 'Socialtjänstlagen (2001:453) är upphävd.', start: 7, end: 21 },
    { code: 'missing-section', severity: 'warning', message: 'Jämställdhetsanalys saknas.' },
  ],
};
// Make the offsets right for TEXT.
for (const c of FULL.citations) {
  c.start = TEXT.indexOf(c.text);
  c.end = c.start + c.text.length;
}
FULL.problems[0].start = FULL.citations[0].start;
FULL.problems[0].end = FULL.citations[0].end;

const EMPTY: AnalysisResult = {
  ...FULL,
  document: { ...FULL.document, kind: 'unknown', confidence: 0, evidence: [], title: null, date: null, caseNumbers: [], authority: null, officer: null, motion: null, proposals: [] },
  sections: [], missingSections: [], citations: [], problems: [],
};

function capture() {
  const io = { out: '', err: '' };
  return { io, sink: { stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) } };
}

describe('exit status', () => {
  it('is 1 when a result has an error-level problem, 0 when not', async () => {
    state.next = () => ({ ...EMPTY, problems: [{ code: 'x', severity: 'error', message: 'Fel.' }] });
    let c = capture();
    expect(await main(['analyze', '--json', SEED], c.sink)).toBe(1);
    expect(hasErrors(FULL)).toBe(true);
    state.next = () => EMPTY;
    c = capture();
    expect(await main(['analyze', '--json', SEED], c.sink)).toBe(0);
  });

  it('counts a missing section of severity error as an error', () => {
    expect(hasErrors({ ...EMPTY, missingSections: [{ ...FULL.missingSections[0], severity: 'error' }] })).toBe(true);
  });

  it('is 2 (and says so) when the engine returns something that breaks the contract', async () => {
    state.next = () => ({ ...EMPTY, document: { ...EMPTY.document, confidence: 7 } });
    const c = capture();
    expect(await main(['analyze', '--json', SEED], c.sink)).toBe(2);
    expect(c.io.out).toBe('');
    expect(c.io.err).toMatch(/^remisskollen: .*: analysen misslyckades: resultatet följer inte kontraktet \(document\.confidence/);
  });

  it('is 2 when offsets do not match the text', async () => {
    state.next = () => ({ ...EMPTY, citations: [{ start: 0, end: 3, text: 'xyz', kind: 'case-number', ref: 'x' }] });
    const c = capture();
    expect(await main(['analyze', '--json', SEED], c.sink)).toBe(2);
    expect(c.io.err).toMatch(/resultatets positioner stämmer inte/);
  });
});

describe('--date', () => {
  it('accepts only real calendar dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2023-8-24')).toBe(false);
    expect(isValidIsoDate('2023-08-24T00:00')).toBe(false);
  });
});

describe('formatReport', () => {
  it('reports a full result in Swedish: facts, sections, citations by law, problems by severity', () => {
    const result = AnalysisResultSchema.parse({ ...FULL, file: 'handling.pdf' });
    const report = formatReport(result, { text: TEXT });
    expect(report).toContain('Remisskollen – handling.pdf');
    expect(report).toMatch(/Dokumenttyp:\s+tjänsteutlåtande \(säkerhet 90 %\)/);
    expect(report).toMatch(/Titel:\s+Remiss av motion om utvärdering av fältassistenter/);
    expect(report).toMatch(/Datum:\s+2023-05-02/);
    expect(report).toMatch(/Diarienummer:\s+KS 2023\/105/);
    expect(report).toMatch(/Nämnd:\s+Socialnämnden/);
    expect(report).toMatch(/Handläggare:\s+Anna Andersson, tfn 08-508 000 00/);
    expect(report).toMatch(/Motion:\s+Vetenskaplig utvärdering av fältassistenter – Gabriel Kroon \(SD\)/);
    expect(report).toContain('1. Socialnämnden godkänner');
    expect(report).toContain('✓ Sammanfattning (rad 1)');
    expect(report).toContain('✗ Jämställdhetsanalys saknas (varning)');
    // Both statute citations under one law heading, in document order.
    const law = report.indexOf('Socialtjänstlagen (2001:453) [SoL] – upphävd 2025-07-01, ersatt av 2025:400');
    expect(law).toBeGreaterThan(0);
    expect(report.indexOf('11 kap. 1 § SoL (rad 1)')).toBeGreaterThan(law);
    expect(report.indexOf('5 kap. 1 § socialtjänstlagen (rad 2)')).toBeGreaterThan(report.indexOf('11 kap. 1 § SoL'));
    expect(report.match(/^ {4}Socialtjänstlagen \(2001:453\)/gm)).toHaveLength(1);
    expect(report).toContain('Förarbeten');
    expect(report).toMatch(/Fel \(1\):\n {2}– Socialtjänstlagen \(2001:453\) är upphävd\. \(rad 1\) \[repealed-law\]/);
    expect(report).toMatch(/Varningar \(1\):/);
    expect(report.indexOf('Fel (1)')).toBeLessThan(report.indexOf('Varningar (1)'));
    expect(report).toContain('Summa: 1 fel, 1 varning, 3 hänvisningar.');
  });

  it('reports the shallow result without crashing', () => {
    const report = formatReport(EMPTY, { text: 'text' });
    expect(report).toMatch(/Dokumenttyp:\s+okänd/);
    expect(report).toContain('Hänvisningar: inga hittade');
    expect(report).toContain('Problem: inga');
  });
});
