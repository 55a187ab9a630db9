import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib';
import {
  CASE_RECORD_VERSION,
  CaseIndex,
  MINHASH_SCHEME,
  decodeSignature,
  dnrKey,
  encodeSignature,
  matchTitles,
  migrate,
  minhash,
  namesMatch,
  prune,
  recordFromAnalysis,
  searchRecords,
  similarity,
  titleTokens,
  type CaseRecord,
} from '../../../lib/related';
import { exportFile, parseExportFile } from '../../../lib/related/messages';
import { FIXTURES, loadFixtureDocs } from './fixtures';
import { ocrDamage } from './ocr';

const SEEDS = resolve(__dirname, '../../fixtures/seeds');
const seed = (name: string) => readFileSync(resolve(SEEDS, name), 'utf8');
const SOCIAL = seed('stockholm-socialnamnden-remissvar-faltassistenter.txt');
const HAGERSTEN = seed('stockholm-hagersten-alvsjo-yttrande-vallingbyteamet.txt');
const NOW = '2024-01-15T10:00:00.000Z';

const sameMatter = (a: string, b: string) => matchTitles(titleTokens(a), titleTokens(b)) !== null;

describe('titles match despite OCR damage and small changes of wording', () => {
  const pairs: [string, string][] = [
    ['Vetenskaplig utvärdering av fältassistenter', 'Vetenskaplig utvirdering av filtassistenter'],
    ['Vetenskaplig utvärdering av fältassistenter', 'Motion om utvardering av faltassistenter'],
    ['Vetenskaplig utvärdering av fältassistenter', 'Motlon om vetenskap1ig utvirdering av filtassistenter'],
    ['Återinför Vällingbyteamet', 'Motion om att återinföra Vällingbyteamet'],
    ['Återinför Vällingbyteamet – motion från (L)', 'Ater1nför Vall1ngbyteamet - motion fran (L)'],
    ['Remiss av motion om vetenskaplig utvärdering av fältassistenter', 'Vetenskaplig utvärdering av fältassistenter'],
  ];
  for (const [a, b] of pairs) it(`"${a}" ≈ "${b}"`, () => expect(sameMatter(a, b)).toBe(true));

  it('random OCR damage of the seed titles still matches (50 damaged copies each)', () => {
    for (const title of ['Vetenskaplig utvärdering av fältassistenter', 'Återinför Vällingbyteamet', 'Motion om att rusta upp stadens parklekar i ytterstaden']) {
      let matched = 0;
      for (let s = 1; s <= 50; s++) if (sameMatter(title, ocrDamage(title, 0.08, s))) matched++;
      expect(matched, title).toBeGreaterThanOrEqual(45);
    }
  });

  const different: [string, string][] = [
    ['Vetenskaplig utvärdering av fältassistenter', 'Utvärdering av språkförskolor'],
    ['Återinför Vällingbyteamet', 'Bättre belysning i gångtunnlar'],
    ['Verksamhetsplan 2024 för socialnämnden', 'Verksamhetsplan 2025 för socialnämnden'],
    ['Parkeringsnorm för bostäder', 'Parkeringsavgifter för boende'],
    ['Motion om fler fältassistenter i Skärholmen', 'Vetenskaplig utvärdering av fältassistenter'],
  ];
  for (const [a, b] of different) it(`"${a}" ≠ "${b}"`, () => expect(sameMatter(a, b)).toBe(false));

  it('names: OCR and missing diacritics, but not another person', () => {
    expect(namesMatch('Anne-Lie Elfvén', 'Anne-Lie Elfven')).toBe(true);
    expect(namesMatch('Jan Jönsson', 'Jan Jonsson')).toBe(true);
    expect(namesMatch('Gabriel Kroon', 'Gabrlel Kroon')).toBe(true);
    expect(namesMatch('Jan Jönsson', 'Jan Jansson')).toBe(true); // vowel-blind: one of its limits
    expect(namesMatch('Karin Holm', 'Gabriel Kroon')).toBe(false);
    expect(namesMatch('Sara Nilsson', 'Sara Olsson')).toBe(false);
  });
});

describe('the text fingerprint', () => {
  it('finds a second OCR run of the same document nearly identical, and other documents not', () => {
    const a = minhash(SOCIAL);
    const rescanned = minhash(ocrDamage(SOCIAL, 0.02, 7));
    expect(similarity(a, rescanned)).toBeGreaterThanOrEqual(0.5);
    expect(similarity(a, minhash(HAGERSTEN))).toBeLessThan(0.1);
  });

  it('round-trips through base64 and takes 512 characters', () => {
    const sig = minhash(HAGERSTEN);
    const encoded = encodeSignature(sig);
    expect(encoded).toHaveLength(512);
    expect([...decodeSignature(encoded)!]).toEqual([...sig]);
    expect(decodeSignature('not base64!')).toBeNull();
  });
});

describe('the record', () => {
  it('keeps facts and a fingerprint, not the text unless "spara texten" is chosen', () => {
    const analysis = analyze(SOCIAL);
    const record = recordFromAnalysis(analysis, SOCIAL, { url: 'https://example.org/a.pdf#page=2' }, { saveText: false, now: NOW });
    expect(record.id).toBe('url:https://example.org/a.pdf');
    expect(record.text).toBeUndefined();
    expect(JSON.stringify(record)).not.toContain('fältarbete');
    expect(record.fingerprint.scheme).toBe(MINHASH_SCHEME);
    expect(record.textLength).toBe(SOCIAL.length);
    // the diarienummer it refers to is found in the text itself
    expect([...record.caseNumbers, ...record.refCaseNumbers].map(dnrKey)).toContain('KS 2023/105');
    const withText = recordFromAnalysis(analysis, SOCIAL, { fileName: 'svar.pdf' }, { saveText: true, now: NOW });
    expect(withText.id).toBe('file:svar.pdf');
    expect(withText.text).toBe(SOCIAL);
  });

  it('keeps statutes as law + provision', () => {
    const rinkeby = loadFixtureDocs(NOW).find((d) => d.id === 'a-rinkeby')!;
    expect(rinkeby.record.laws).toEqual([{ sfs: '2001:453', name: 'SoL', title: 'socialtjänstlagen', provision: '3 kap. 3 a §' }]);
    expect(rinkeby.record.caseNumbers).toEqual(['RK 2023/0417']);
  });

  it('compares diarienummer without "Dnr", leading zeros or two-digit years', () => {
    expect(dnrKey('Dnr KS 2023/0105')).toBe('KS 2023/105');
    expect(dnrKey('ks 2023/105')).toBe('KS 2023/105');
    expect(dnrKey('SN 18/0098')).toBe('SN 2018/98');
    expect(dnrKey('KS2023/105')).toBe('KS 2023/105');
    expect(dnrKey('KS 2023/105')).not.toBe(dnrKey('SN 2023/105'));
  });
});

describe('the schema and its versions', () => {
  const v1 = {
    version: 1,
    key: 'https://meetingspublic.stockholm.se/x/remissvar.pdf',
    kind: 'remissvar',
    title: 'Motion om utvardering av faltassistenter',
    date: '2023-05-17',
    authority: 'Socialnämnden',
    dnr: ['SN 2023/0321', 'KS 2023/105'],
    motionTitle: 'Vetenskaplig utvärdering av fältassistenter',
    motionAuthors: ['Gabriel Kroon (SD)'],
    sfs: ['2001:453'],
    minhash: [1, 2, 3],
    savedAt: '2023-06-01T08:00:00.000Z',
  };

  it('migrates a version-1 record to the current version', () => {
    const r = migrate(v1);
    expect(r.schema).toBe(CASE_RECORD_VERSION);
    expect(r.id).toBe('url:https://meetingspublic.stockholm.se/x/remissvar.pdf');
    expect(r.url).toBe(v1.key);
    expect(r.caseNumbers).toEqual(['SN 2023/0321']);
    expect(r.refCaseNumbers).toEqual(['KS 2023/105']);
    expect(r.motion).toEqual({ title: v1.motionTitle, authors: [{ name: 'Gabriel Kroon', party: 'SD' }] });
    expect(r.laws).toEqual([{ sfs: '2001:453', name: '2001:453' }]);
    expect(r.firstSeen).toBe(v1.savedAt);
    // the old fingerprint cannot be compared; without the text it is not recomputed
    expect(r.fingerprint.scheme).not.toBe(MINHASH_SCHEME);
  });

  it('recomputes the fingerprint of a version-1 record that kept its text, and finds it related', () => {
    const r = migrate({ ...v1, key: 'svar.txt', text: SOCIAL });
    expect(r.id).toBe('file:svar.txt');
    expect(r.fingerprint.scheme).toBe(MINHASH_SCHEME);
    const docs = loadFixtureDocs(NOW);
    const related = new CaseIndex(docs.map((d) => d.record)).findRelated(r);
    const names = related.map((x) => docs.find((d) => d.record.id === x.record.id)!.id);
    // same text as the seed, the same KS diarienummer, the same motion
    expect(names[0]).toBe('a-socialnamnden');
    expect(related[0].reasons.map((x) => x.code)).toEqual(['case-number', 'motion', 'text']);
  });

  it('passes the current version through and rejects what is no record, in Swedish', () => {
    const current = loadFixtureDocs(NOW)[0].record;
    expect(migrate(JSON.parse(JSON.stringify(current)))).toEqual(current);
    expect(() => migrate({ schema: 99 })).toThrow(/Okänd version av sparat dokument: 99/);
    expect(() => migrate('hej')).toThrow(/inget sparat dokument/);
    expect(() => migrate({ ...current, kind: 'roman' })).toThrow();
  });

  it('exports and imports, and says in Swedish what is wrong with a bad file', () => {
    const records = loadFixtureDocs(NOW).map((d) => d.record);
    const json = JSON.stringify(exportFile(records, NOW));
    expect(parseExportFile(json)).toEqual(records);
    const mixed = JSON.stringify({ ...exportFile(records.slice(0, 1), NOW), records: [records[0], v1] });
    expect(parseExportFile(mixed).map((r) => r.schema)).toEqual([2, 2]);
    expect(() => parseExportFile('{ inte json')).toThrow(/ingen JSON-fil/);
    expect(() => parseExportFile(JSON.stringify({ records: [] }))).toThrow(/ingen export av Remisskollens historik/);
    const broken = { ...exportFile(records, NOW), records: [records[0], { ...records[1], date: 'igår' }] };
    expect(() => parseExportFile(JSON.stringify(broken))).toThrow(/Post 2 i filen kan inte läsas/);
  });
});

describe('retention', () => {
  const base = loadFixtureDocs(NOW)[0].record;
  const at = (id: string, lastSeen: string): CaseRecord => ({ ...base, id, lastSeen, firstSeen: lastSeen });

  it('drops what was last seen more than maxAgeDays ago', () => {
    const records = [at('a', '2024-01-10T00:00:00Z'), at('b', '2022-12-01T00:00:00Z'), at('c', '2023-02-01T00:00:00Z')];
    const { keep, drop } = prune(records, { maxAgeDays: 365, maxCount: 2000, now: NOW });
    expect(keep.map((r) => r.id)).toEqual(['a', 'c']);
    expect(drop).toEqual(['b']);
  });

  it('keeps the newest maxCount', () => {
    const records = Array.from({ length: 10 }, (_, i) => at(`r${i}`, `2024-01-0${i % 9 + 1}T0${i % 10}:00:00Z`));
    const { keep, drop } = prune(records, { maxAgeDays: 365, maxCount: 3, now: NOW });
    expect(keep).toHaveLength(3);
    expect(drop).toHaveLength(7);
    const newest = [...records].sort((x, y) => y.lastSeen.localeCompare(x.lastSeen)).slice(0, 3);
    expect(keep.map((r) => r.id)).toEqual(newest.map((r) => r.id));
  });
});

describe('history search', () => {
  const records = loadFixtureDocs(NOW).map((d) => d.record);
  const titles = (q: string) => searchRecords(records, q).map((r) => r.title);
  it('finds by title, dnr, authority and law, folding case and diacritics', () => {
    expect(titles('vallingbyteamet')).toHaveLength(3);
    expect(titles('KS 2023/412')).toHaveLength(2);
    expect(titles('rinkeby')).toEqual(['Motlon om vetenskap1ig utvirdering av filtassistenter']);
    expect(titles('SoL')).toHaveLength(3);
    expect(titles('plan- och bygglagen')).toEqual(['Parkeringsnorm för bostäder']);
    expect(titles('')).toHaveLength(records.length);
  });
});

describe('with the real analyze() on the same texts', () => {
  // The same documents through the real engine instead of the fixture facts. The diarienummer in the text
  // and the fingerprint connect documents whatever the engine finds; the motion links need its facts.
  const docs = loadFixtureDocs(NOW);
  const files = JSON.parse(readFileSync(resolve(FIXTURES, 'facts.json'), 'utf8')) as { documents: { id: string; file: string }[] };
  const records = Object.fromEntries(
    files.documents.map(({ id, file }) => {
      const text = readFileSync(resolve(FIXTURES, file), 'utf8');
      return [id, recordFromAnalysis(analyze(text), text, { fileName: id }, { saveText: false, now: NOW })];
    }),
  );
  const caseOf = Object.fromEntries(docs.map((d) => [d.id, d.case]));
  const idx = new CaseIndex(Object.values(records));
  const related = (name: string) =>
    Object.fromEntries(idx.findRelated(records[name]).map((r) => [r.record.id.slice(5), r.reasons.map((x) => x.code)]));

  it('the seed remissvar is linked to the motion, the remiss and the protokoll by KS 2023/105', () => {
    const r = related('a-socialnamnden');
    for (const name of ['a-motion', 'a-remiss', 'a-protokoll']) expect(r[name]?.[0]).toBe('case-number');
    const label = idx.findRelated(records['a-socialnamnden']).find((x) => x.record.id === 'file:a-motion')!.reasons[0].label;
    expect(label).toBe('Samma diarienummer: KS 2023/105');
  });

  it('the two template answers are near-identical text', () => {
    expect(related('a-rinkeby')['a-hasselby']).toContain('text');
  });

  it('no link crosses cases; unrelated documents have none', () => {
    for (const name of Object.keys(records)) {
      for (const other of Object.keys(related(name))) {
        expect(`${name} → ${other}: ${String(caseOf[other] !== null && caseOf[other] === caseOf[name])}`).toBe(`${name} → ${other}: true`);
      }
    }
    for (const name of ['u-sprak', 'u-parkering', 'u-belysning']) expect(related(name)).toEqual({});
  });

  it('the seed without a diarienummer and the OCR-damaged answer reach their motion', () => {
    expect(related('b-hagersten')['b-motion']).toContain('motion');
    expect(related('b-spanga')['b-hagersten']).toContain('motion');
    expect(related('a-rinkeby')['a-motion']).toContain('motion');
  });
});
