/**
 * The council-docs corpus: page excerpts of real documents, so used for kinds and facts, not completeness.
 * Expectations are ours (the corpus has no kind labels in our vocabulary): agendas (föredragningslistor,
 * meeting pages) are no kind the tool checks → unknown; KF utlåtanden and KS PMs are tjänsteutlåtanden,
 * a PM answering a departmental remiss is a remissvar; tjänsteskrivelser are tjänsteutlåtanden.
 * Runs over the local copies always and over ../shared/corpus/council-docs when present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, offsetErrors } from '../../../lib';
import { analyzeDocument } from '../../../lib/documents';

// implied: the date laws are read at when the document has none of its own (analyzeDocument().impliedDate)
type Expect = { kind: string; date?: string | null; implied?: string | null; authority?: string | null; caseNumbers?: string[]; authors?: string[]; title?: string };

const EXPECTED: Record<string, Expect> = {
  'gotland-kf-2004-10-25-p184-motion-placeringsbehov.txt': { kind: 'protokoll', date: '2004-10-25', authority: 'Kommunfullmäktige', caseNumbers: ['KS 2003/0520-85'], authors: ['Rose Marie Stenbom (S)'] },
  'karlskoga-kfn-2011-tjansteskrivelse-barnchecklista.txt': { kind: 'tjansteutlatande', implied: '2011-10-26', authority: 'Kultur- och föreningsnämnden' },
  'nynashamn-sn-au-2020-08-18-protokoll.txt': { kind: 'protokoll', date: '2020-08-18' },
  'osteraker-sn-2019-08-15-tjansteutlatande-budget.txt': { kind: 'tjansteutlatande', date: '2019-08-15', authority: 'Socialnämnden', caseNumbers: ['SN 2019/0055'], title: 'Socialnämndens budget 2020 med plan åren 2021-2022' },
  'ostermalm-sdn-2006-04-20-foredragningslista.txt': { kind: 'unknown', date: '2006-04-20', authority: 'Östermalms stadsdelsnämnd' },
  'soderhamn-ason-2019-01-28-protokoll.txt': { kind: 'protokoll', date: '2019-01-28', authority: 'Arbetsmarknads- och socialnämnden' },
  'sthlm-kf-2010-02-15-foredragningslista-motioner.txt': { kind: 'unknown', date: '2010-02-15', authority: 'Kommunfullmäktige' },
  'sthlm-kf-2013-09-02-foredragningslista.txt': { kind: 'unknown', date: '2013-09-02', caseNumbers: ['328-1720/2012', '329-1847/2012', '324-152/2013', '316-292/2013', '319-294/2013'] },
  'sthlm-kf-2025-12-01-agenda.txt': { kind: 'unknown', date: '2025-12-01' },
  'sthlm-kf-utl-2007-avgifter-exponering.txt': { kind: 'tjansteutlatande', implied: '2007-12-31', authority: 'Kommunstyrelsen', authors: ['Teres Lindberg (S)'], title: 'Avgifter vid exponering i det offentliga rummet' },
  'sthlm-kf-utl-2009-57-ungdomsmottagningar.txt': { kind: 'tjansteutlatande', implied: '2009-12-31', authors: ['Mirja Räihä Järvinen (S)', 'Berit Kruse (S)', 'Karin Hanqvist (S)'], title: 'Ungdomsmottagningar' },
  'sthlm-kf-utl-2012-124-vardnad-riktlinjer.txt': { kind: 'tjansteutlatande', implied: '2012-12-31', authority: 'Kommunstyrelsen' },
  'sthlm-kf-utl-2017-19-obelisken.txt': { kind: 'tjansteutlatande', implied: '2017-12-31', authors: ['Joakim Larsson (M)'], title: 'Renovering av obelisken på Slottsbacken' },
  'sthlm-kf-utl-2018-barnomsorg-obekvam-tid.txt': { kind: 'tjansteutlatande', implied: '2018-12-31', authors: ['Lotta Edholm (L)'], title: 'Återställning av barnomsorgen på obekväm arbetstid' },
  'sthlm-ks-2022-04-27-agenda.txt': { kind: 'unknown' },
  'sthlm-ks-2024-04-10-agenda.txt': { kind: 'unknown', date: '2024-04-10' },
  'sthlm-ks-pm-2003-arendeansvar.txt': { kind: 'tjansteutlatande', implied: '2003-03-19', title: 'Riktlinjer för ärendeansvar mellan stadsdelsnämnderna' },
  'sthlm-ks-pm-2016-122-remiss-sou-2016-5.txt': { kind: 'remissvar', implied: '2016-12-31', title: 'Låt fler forma framtiden! (SOU 2016:5)' },
  'sthlm-sdn-hasselby-2012-06-12-foredragningslista.txt': { kind: 'unknown', date: '2012-06-12', authority: 'Hässelby-Vällingby stadsdelsnämnd' },
  'sthlm-sdn-kungsholmen-2013-06-13-foredragningslista.txt': { kind: 'unknown', date: '2013-06-13', authority: 'Kungsholmens stadsdelsnämnd' },
  'sthlm-sdn-ostermalm-2012-03-15-foredragningslista.txt': { kind: 'unknown', date: '2012-03-15', authority: 'Östermalms stadsdelsnämnd' },
  'sthlm-sdn-sodermalm-2009-04-23-foredragningslista.txt': { kind: 'unknown', date: '2009-04-23', authority: 'Södermalms stadsdelsnämnd' },
  'sthlm-sdn-sodermalm-2020-11-26-agenda.txt': { kind: 'unknown' },
  'sthlm-sn-2023-06-13-agenda-remiss-sou-2022-70.txt': { kind: 'unknown', date: '2023-06-13' },
  'sthlm-sn-2023-10-24-agenda-trygghetsprogram.txt': { kind: 'unknown', caseNumbers: ['2023/310'] },
  'sthlm-sn-2025-09-23-agenda.txt': { kind: 'unknown' },
  'sthlm-sn-2025-10-21-agenda.txt': { kind: 'unknown' },
  'sthlm-sn-2026-02-17-agenda.txt': { kind: 'unknown' },
  'sthlm-soc-2011-03-24-foredragningslista.txt': { kind: 'unknown', date: '2011-03-24', authority: 'Socialnämnden', caseNumbers: ['1.6-0029/2011', '1.6-0103/2011', '1.7-0023/2011', '1.7-0102/2011'] },
  'sthlm-sot-2007-08-30-foredragningslista.txt': { kind: 'unknown', date: '2007-08-30', authority: 'Socialtjänstnämnden' },
  'tyreso-kf-2009-09-10-protokoll-motioner.txt': { kind: 'unknown', date: '2009-09-10' },
  'tyreso-ks-2024-03-05-foredragningslista.txt': { kind: 'unknown', caseNumbers: ['2024/KS 0107', '2023/VN 0010 004', '2023/ASN 0149'] },
  'upplandsbro-sn-2013-08-29-tjansteskrivelse-placering.txt': { kind: 'tjansteutlatande', implied: '2013-08-29', authority: 'Socialnämnden' },
  'upplandsbro-sn-2018-08-28-tjansteskrivelse-ekonomiskt-bistand.txt': { kind: 'tjansteutlatande', date: '2018-08-28', authority: 'Socialnämnden', caseNumbers: ['SN 18/0098'], title: 'Revidering av riktlinjer för ekonomiskt bistånd' },
};

function check(name: string, text: string) {
  const e = EXPECTED[name];
  const r = analyzeDocument(text);
  expect(r.document.kind, name).toBe(e.kind);
  if (e.date !== undefined) expect(r.document.date, name).toBe(e.date);
  if (e.implied !== undefined) expect(r.impliedDate?.iso ?? null, name).toBe(e.implied);
  if (e.authority !== undefined) expect(r.document.authority, name).toBe(e.authority);
  if (e.caseNumbers) expect(r.document.caseNumbers, name).toEqual(e.caseNumbers);
  if (e.title) expect(r.document.title, name).toBe(e.title);
  if (e.authors) expect(r.document.motion?.authors.map((a) => `${a.name} (${a.party})`), name).toEqual(e.authors);
  if (e.kind === 'unknown') expect(r.missingSections, name).toEqual([]);
  const res = analyze(text);
  expect(offsetErrors(res, text), name).toEqual([]);
}

const LOCAL = new URL('../../fixtures/documents/council-docs/', import.meta.url);
const SHARED = new URL('../../../../shared/corpus/council-docs/', import.meta.url);

describe('council-docs excerpts copied into the fixtures', () => {
  for (const name of Object.keys(EXPECTED)) {
    const url = new URL(name, LOCAL);
    if (!existsSync(url)) continue;
    it(name, () => check(name, readFileSync(url, 'utf8')));
  }
});

describe.skipIf(!existsSync(new URL('manifest.json', SHARED)))('shared council-docs corpus (all 34)', () => {
  const manifest = existsSync(new URL('manifest.json', SHARED))
    ? (JSON.parse(readFileSync(new URL('manifest.json', SHARED), 'utf8')) as { documents: { file: string }[] })
    : { documents: [] };
  it('has an expectation for every file', () => {
    expect(manifest.documents.map((d) => d.file).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const d of manifest.documents) it(d.file, () => check(d.file, readFileSync(new URL(d.file, SHARED), 'utf8')));
});
