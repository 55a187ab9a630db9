import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CitationSchema, type Citation } from '../../../lib/analysis/schema';
import { findCitations } from '../../../lib/citations';
import coreData from '../../../lib/laws/data/core.json';
import { installTitleIndexSync } from '../../../lib/laws/node-loader';
import { LawRegistry } from '../../../lib/laws/registry';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const seed000 = readFileSync(join(fixtures, 'seeds', 'stockholm-socialnamnden-remissvar-faltassistenter.txt'), 'utf8');
const seed001 = readFileSync(join(fixtures, 'seeds', 'stockholm-hagersten-alvsjo-yttrande-vallingbyteamet.txt'), 'utf8');
const excerpts = readFileSync(join(fixtures, 'citations', 'excerpts.txt'), 'utf8');

const at = (date: string) => ({ date, dateKnown: true });
const find = (text: string, date = '2024-01-01') => {
  const r = findCitations(text, at(date));
  for (const c of r.citations) {
    expect(() => CitationSchema.parse(c)).not.toThrow();
    expect(text.slice(c.start, c.end)).toBe(c.text);
  }
  return r;
};
const statutes = (text: string, date?: string): Citation[] => find(text, date).citations.filter((c) => c.kind === 'statute');
const one = (text: string, date?: string): Citation => {
  const s = statutes(text, date);
  expect(s).toHaveLength(1);
  return s[0];
};

describe('seed 000 (OCR-damaged remissvar)', () => {
  const r = findCitations(seed000, { date: '2026-11-25', dateKnown: false });
  const main = r.citations.find((c) => c.text.includes('3A §'));

  it('resolves "3 kap. 3A § … socialtjianstlagen (2001:453), SoL"', () => {
    expect(main).toBeDefined();
    expect(main!.text).toBe('3 kap. 3A § och kap. 7 §\nsocialtjianstlagen (2001:453), SoL');
    expect(main!.law).toMatchObject({ sfs: '2001:453', abbreviation: 'SoL', status: 'repealed', repealedOn: '2025-07-01', replacedBy: '2025:400' });
    expect(main!.targets).toEqual([{ chapter: '3', section: '3 a' }, { section: '7' }]);
    expect(main!.links?.map((l) => l.url)).toContain('https://lagen.nu/2001:453#K3P3a');
  });

  it('flags the chapter-less "kap. 7 §"', () => {
    expect(main!.problems?.map((p) => p.code)).toContain('missing-chapter');
    const p = r.problems.find((x) => x.code === 'missing-chapter');
    expect(p).toMatchObject({ severity: 'warning', start: main!.start, end: main!.end });
  });

  it('flags a section cited without its chapter in a law with chapters, not in one without', () => {
    const codes = (text: string) => find(text, '2024-05-01').problems.map((p) => p.code);
    expect(codes('Enligt 1 § SoL ska nämnden verka för trygghet.')).toEqual(['missing-chapter']);
    expect(codes('Enligt 5 § hälso- och sjukvårdslagen gäller detta.')).toEqual(['missing-chapter']);
    expect(codes('Enligt 2 § LVU och 9 § 3 LSS gäller detta.')).toEqual([]);
    expect(codes('Enligt 4 kap. 1 § SoL gäller detta.')).toEqual([]);
  });

  it('reads a name broken at a line end that came out as "- " ("socialtjänst- lagen")', () => {
    const cs = find('Enligt 4 kap. 1 § socialtjänst- lagen och 3 kap. 1 § hälso- och sjukvårds- lagen.', '2024-05-01').citations;
    expect(cs.map((c) => [c.text, c.law?.sfs])).toEqual([
      ['4 kap. 1 § socialtjänst- lagen', '2001:453'],
      ['3 kap. 1 § hälso- och sjukvårds- lagen', '2017:30'],
    ]);
  });

  it('reads laws whose letters come as a base letter and a combining accent (PDF text)', () => {
    const text = 'Enligt 4 kap. 1 § socialtja\u0308nstlagen och 3 kap. 1 § ha\u0308lso- och sjukva\u030ardslagen.';
    const cs = find(text, '2024-05-01').citations;
    expect(cs.map((c) => c.law?.sfs)).toEqual(['2001:453', '2017:30']);
    for (const c of cs) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(cs[0].text).toBe('4 kap. 1 § socialtja\u0308nstlagen');
  });

  it('reads OCR\'s "1" for "i" before "samma lag", but "9 § 1 LSS" as point 1', () => {
    const cs = find('Enligt 4 kap. 1 § SoL gäller detta. Enligt 3 kap. 6 § 1 samma lag ska nämnden. Enligt 9 § 1 LSS.', '2024-05-01').citations;
    expect(cs.map((c) => [c.text, c.targets])).toEqual([
      ['4 kap. 1 § SoL', [{ chapter: '4', section: '1' }]],
      ['3 kap. 6 § 1 samma lag', [{ chapter: '3', section: '6' }]],
      ['9 § 1 LSS', [{ section: '9', point: '1' }]],
    ]);
  });

  it('reads points written "3 p." and "punkterna 3 och 4", and ranges with the sign at both ends', () => {
    const cite = (text: string) => find(text, '2024-05-01').citations.map((c) => [c.text, c.law?.sfs, c.targets]);
    // (the full stop that ends the paragraph is not the point's)
    expect(cite('Rätt till insats enligt LSS 9 § punkt 8.')).toEqual([['LSS 9 § punkt 8', '1993:387', [{ section: '9', point: '8' }]]]);
    expect(cite('Enligt 9 § 3 p. LSS.')).toEqual([['9 § 3 p. LSS', '1993:387', [{ section: '9', point: '3' }]]]);
    expect(cite('Enligt 9 § punkterna 3 och 4 LSS.')).toEqual([['9 § punkterna 3 och 4 LSS', '1993:387', [{ section: '9', point: '3' }, { section: '9', point: '4' }]]]);
    expect(cite('Enligt 4 kap. 1 § 1 st. 2 p. SoL.')).toEqual([['4 kap. 1 § 1 st. 2 p. SoL', '2001:453', [{ chapter: '4', section: '1', paragraph: '1', point: '2' }]]]);
    expect(cite('Enligt 5 kap. 10 §–12 § SoL.')).toEqual([['5 kap. 10 §–12 § SoL', '2001:453', [{ chapter: '5', section: '10', sectionTo: '12' }]]]);
  });

  it('reads lists and ranges of chapters, and a chapter written after its word', () => {
    const cite = (text: string) => find(text, '2024-05-01').citations.map((c) => [c.text, c.law?.sfs, c.targets]);
    expect(cite('Enligt 6 och 7 kap. kommunallagen gäller.')).toEqual([['6 och 7 kap. kommunallagen', '2017:725', [{ chapter: '6' }, { chapter: '7' }]]]);
    expect(cite('Se 3–5 kap. PBL.')).toEqual([['3–5 kap. PBL', '2010:900', [{ chapter: '3' }, { chapter: '4' }, { chapter: '5' }]]]);
    expect(cite('Enligt kapitel 5 i socialtjänstlagen gäller.')).toEqual([['kapitel 5 i socialtjänstlagen', '2001:453', [{ chapter: '5' }]]]);
    expect(cite('Enligt kap. 5 SoL gäller.')).toEqual([['kap. 5 SoL', '2001:453', [{ chapter: '5' }]]]);
    // without a law, chapters are no citation; years are no chapters
    expect(cite('Under 2020 och 2021 kap. ökade antalet.')).toEqual([]);
    expect(cite('Se kapitel 5 i utredningen.')).toEqual([]);
  });

  it('a section of a contract or other document that is no statute is no citation', () => {
    expect(find('Se kapitel 5 i utredningen och 3 § i avtalet.', '2024-05-01').citations).toEqual([]);
    expect(find('Enligt 6 § i reglementet ska nämnden besluta.', '2024-05-01').citations).toEqual([]);
    // nor does it take the law named before it (it took kommunallagen, with a false missing-chapter warning)
    const texts = (text: string) => find(text, '2024-05-01').citations.map((c) => c.text);
    expect(texts('Ärendet rör kommunallagen. Av 8 § i nämndens reglemente framgår att nämnden ansvarar.')).toEqual(['kommunallagen']);
    expect(texts('Ärendet rör kommunallagen. Se 5 § i kommunens VA-taxa, 4 § KF-reglementet och 4 § PBL-taxan.')).toEqual(['kommunallagen']);
    expect(texts('Ärendet rör plan- och bygglagen. Enligt 5 § taxan för bygglov tas avgift ut.')).toEqual(['plan- och bygglagen']);
    expect(texts('Enligt kommunallagen gäller detta. Se 5 § i förbundsordningen, 6 § i ägardirektivet, 2 § i avgiftstaxan, 6 § i samverkansavtalet, 12 § i de lokala ordningsföreskrifterna, 4 § i kommunstyrelsens instruktion och 9 § i förvaltningens delegationsordning.')).toEqual(['kommunallagen']);
    expect(texts('Anställningen regleras av LAS. Enligt 28 § AB gäller detta.')).toEqual(['LAS']);
    // an agency's föreskrifter are a regulation, with the parenthesis the citation opens
    expect(texts('Enligt 4 kap. 2 § i Socialstyrelsens föreskrifter (SOSFS 2014:5) ska.')).toEqual(['4 kap. 2 § i Socialstyrelsens föreskrifter (SOSFS 2014:5)']);
  });

  it('an abbreviation the registry does not know is no reason to take the law named before ("11 kap. 1 § LKBR")', () => {
    const r = find('Redovisningen följer kommunallagen. Enligt 11 kap. 1 § LKBR ska.', '2024-05-01');
    expect(r.citations.map((c) => [c.text, c.law?.sfs])).toEqual([['kommunallagen', '2017:725'], ['11 kap. 1 §', undefined]]);
    expect(r.problems.map((p) => p.code)).toEqual(['unknown-abbreviation']);
  });

  it('a law name the registry does not know is part of the citation, with an information note', () => {
    const r = find('Enligt 18 § minoritetslagen ska kommunen informera. Socialtjänstlagen gäller också.', '2024-05-01');
    expect(r.citations.map((c) => [c.text, c.law?.sfs])).toEqual([['18 § minoritetslagen', undefined], ['Socialtjänstlagen', '2001:453']]);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['unknown-law', 'info']]);
  });

  it('"4 § förordningen" is a section of the förordning named last, and of no lag', () => {
    const cite = (text: string) => find(text, '2024-05-01').citations.map((c) => [c.text, c.law?.sfs]);
    expect(cite('Enligt socialtjänstförordningen (2001:937) gäller detta. Enligt socialtjänstlagen också. Se 5 kap. 2 § förordningen.')).toEqual([
      ['socialtjänstförordningen (2001:937)', '2001:937'],
      ['socialtjänstlagen', '2001:453'],
      ['5 kap. 2 § förordningen', '2001:937'],
    ]);
    expect(cite('Enligt socialtjänstlagen gäller detta. Enligt 4 § förordningen ska.')).toEqual([['socialtjänstlagen', '2001:453'], ['4 § förordningen', undefined]]);
    // a lag whose title ends in "…förordning" is no förordning
    expect(cite('Socialtjänstförordningen (2001:937) gäller. Lagen (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning gäller också. Enligt 4 § förordningen ska register föras.').at(-1)).toEqual(['4 § förordningen', '2001:937']);
  });

  it('no ambiguity note for a second meaning that no longer applied (FL was förköpslagen until 2010)', () => {
    expect(find('Enligt 7 § FL gäller detta.', '2016-05-01').problems).toEqual([]);
  });

  it('reads OCR\'s "$" for "§" after "N kap. N", and nowhere else', () => {
    expect(find('Enligt 4 kap. 1 $ SoL och 4 kap 2 $ socialtjänstlagen.', '2024-05-01').citations.map((c) => [c.text, c.targets])).toEqual([
      ['4 kap. 1 $ SoL', [{ chapter: '4', section: '1' }]],
      ['4 kap 2 $ socialtjänstlagen', [{ chapter: '4', section: '2' }]],
    ]);
    expect(find('Priset är 100 $ per licens enligt avtalet.', '2024-05-01').citations).toEqual([]);
  });

  it('reads ranges with the dashes PDFs give (U+2010, U+2212)', () => {
    for (const dash of ['\u2010', '\u2212']) {
      expect(find(`Enligt 4 kap. 2${dash}4 §§ SoL gäller detta.`, '2024-05-01').citations[0].targets).toEqual([{ chapter: '4', section: '2', sectionTo: '4' }]);
    }
  });

  it('binds the later "socialtjénstlagen" to the law the document defined', () => {
    const later = r.citations.filter((c) => c.kind === 'statute' && c !== main);
    expect(later.map((c) => c.law?.sfs)).toEqual(['2001:453']);
  });

  it('reports the repealed law as info when the document has no date', () => {
    const p = r.problems.find((x) => x.code === 'repealed-law');
    expect(p?.severity).toBe('info');
    expect(p?.message).toMatch(/2025:400/);
  });

  it('finds the case number', () => {
    expect(r.citations.find((c) => c.kind === 'case-number')?.ref).toBe('KS 2023/105');
  });
});

describe('seed 001 (clean yttrande, 2023-08-24)', () => {
  it('reads "den nya socialtjänstlagen" as the new law and plain socialtjänst as nothing', () => {
    const r = find(seed001, '2023-08-24');
    const s = r.citations.filter((c) => c.kind === 'statute');
    expect(s.map((c) => [c.text, c.law?.sfs])).toEqual([['nya socialtjänstlagen', '2025:400']]);
  });
});

describe('statute forms', () => {
  it.each([
    ['enligt 3 kap. 5 § SoL', [{ chapter: '3', section: '5' }]],
    ['enligt 3 kap 5 § SoL', [{ chapter: '3', section: '5' }]],
    ['enligt 5 kap. 1§ SoL', [{ chapter: '5', section: '1' }]],
    ['enligt 3 kap. 3 a § SoL', [{ chapter: '3', section: '3 a' }]],
    ['enligt 3 kap. 3 A § SoL', [{ chapter: '3', section: '3 a' }]],
    ['enligt 11 kap. 1 och 2 §§ SoL', [{ chapter: '11', section: '1' }, { chapter: '11', section: '2' }]],
    ['enligt 1, 3 och 5 §§ LVU', [{ section: '1' }, { section: '3' }, { section: '5' }]],
    ['enligt 2–4 §§ LVU', [{ section: '2', sectionTo: '4' }]],
    ['enligt 2-4 §§ LVU', [{ section: '2', sectionTo: '4' }]],
    ['enligt 1 § andra stycket LVU', [{ section: '1', paragraph: '2' }]],
    ['enligt 4 kap. 1 § första stycket 2 SoL', [{ chapter: '4', section: '1', paragraph: '1', point: '2' }]],
    ['enligt 9 § punkt 8 LSS', [{ section: '9', point: '8' }]],
    ['enligt 4:1 SoL', [{ chapter: '4', section: '1' }]],
  ])('%s', (text, targets) => {
    const c = one(text);
    expect(c.targets).toEqual(targets);
    expect(c.law).toBeDefined();
  });

  // Paragraphs are parsed only where a "§", a chapter word, a colon between digits or a stycke word is: each of these
  // has one of them without the others (the chapter word in capitals or OCR'd, "st" for the stycke).
  it.each([
    ['Beslutet fattas enligt 5 KAP. SoL.', '5 KAP. SoL', [{ chapter: '5' }]],
    ['Beslutet fattas enligt 3 Kåp. SoL.', '3 Kåp. SoL', [{ chapter: '3' }]],
    ['Överklagande enligt andra ST får ske inom 3 veckor.', 'andra ST', [{ paragraph: '2' }]],
    ['Överklagas enligt 4:1 SoL inom 3 veckor.', '4:1 SoL', [{ chapter: '4', section: '1' }]],
  ])('parses a paragraph whose only cue is in "%s"', (text, cited, targets) => {
    const c = one(text);
    expect(c.text).toBe(cited);
    expect(c.targets).toEqual(targets);
  });

  it('finds the law named before the provision', () => {
    const c = one('Hälso- och sjukvårdslagen (2017:30) 3 kap. 1 § anger målet.');
    expect(c.law?.sfs).toBe('2017:30');
    expect(c.targets).toEqual([{ chapter: '3', section: '1' }]);
  });

  it('"i samma kapitel" takes the chapter of the provision cited before, with its law', () => {
    const r = find('Sekretess gäller enligt 26 kap. 1 § OSL. Enligt 5 § i samma kapitel gäller sekretess även för anmälare. Se 7 § samma lag.', '2024-05-01');
    expect(r.citations.map((c) => [c.text, c.law?.sfs, c.targets])).toEqual([
      ['26 kap. 1 § OSL', '2009:400', [{ chapter: '26', section: '1' }]],
      ['5 § i samma kapitel', '2009:400', [{ chapter: '26', section: '5' }]],
      ['7 § samma lag', '2009:400', [{ section: '7' }]],
    ]);
    expect(r.citations[1].links?.some((l) => l.url === 'https://lagen.nu/2009:400#K26P5')).toBe(true);
    // no chapter cited before: the section stays without one
    expect(find('Enligt 5 § i samma kapitel gäller sekretess.', '2024-05-01').citations.map((c) => c.targets)).toEqual([[{ section: '5' }]]);
  });

  it('"tredje stycket samma paragraf" is a stycke of the section cited before, with its law', () => {
    const r = find('Enligt 5 kap. 11 § socialtjänstlagen (2001:453) ska nämnden verka för detta. Av tredje stycket samma paragraf framgår att insatser ska ges. Enligt andra stycket ska detta gälla.', '2024-05-01');
    expect(r.citations.map((c) => [c.text, c.law?.sfs, c.targets])).toEqual([
      ['5 kap. 11 § socialtjänstlagen (2001:453)', '2001:453', [{ chapter: '5', section: '11' }]],
      ['tredje stycket samma paragraf', '2001:453', [{ chapter: '5', section: '11', paragraph: '3' }]],
      ['andra stycket', undefined, [{ paragraph: '2' }]],
    ]);
    expect(r.citations[1].links?.some((l) => l.url === 'https://lagen.nu/2001:453#K5P11S3')).toBe(true);
  });

  it('"nya" names the newest law of a name or abbreviation, "nuvarande" the one in force', () => {
    const cite = (text: string) => find(text, '2024-10-01').citations.map((c) => `${c.text} ${c.law?.sfs}`);
    expect(cite('Enligt nuvarande socialtjänstlagen gäller detta.')).toEqual(['socialtjänstlagen 2001:453']);
    expect(cite('Enligt nya SoL gäller detta.')).toEqual(['nya SoL 2025:400']);
    expect(cite('Enligt 4 kap. 1 § nya SoL och 5 kap. 1 § den nya socialtjänstlagen gäller detta.')).toEqual([
      '4 kap. 1 § nya SoL 2025:400',
      '5 kap. 1 § den nya socialtjänstlagen 2025:400',
    ]);
    // "i den nya lagen" after the old law: the law that replaced it (19 kap. 1 § exists there, not in 2001:453)
    const r = find('Anmälningsskyldigheten i 14 kap. 1 § SoL flyttas till 19 kap. 1 § i den nya lagen.', '2024-10-01');
    expect(r.citations.map((c) => `${c.text} ${c.law?.sfs}`)).toEqual(['14 kap. 1 § SoL 2001:453', '19 kap. 1 § i den nya lagen 2025:400']);
    expect(r.problems).toEqual([]);
  });

  it('"2001 års socialtjänstlag" is the law of that year, named as the former law (no repealed-law)', () => {
    const r = find('Motsvarande regel i 2001 års socialtjänstlag fanns i 12 kap. 2 §. Beslutet fattades enligt 4 kap. 1 § 2001 års socialtjänstlag.', '2025-10-15');
    expect(r.citations.map((c) => `${c.text} ${c.law?.sfs}`)).toEqual([
      '2001 års socialtjänstlag 2001:453',
      '12 kap. 2 § 2001:453',
      '4 kap. 1 § 2001 års socialtjänstlag 2001:453',
    ]);
    expect(r.problems).toEqual([]);
    // the same law cited plainly after its repeal is still an error
    expect(find('Enligt 4 kap. 1 § socialtjänstlagen (2001:453) gäller detta. Se även 5 kap. 1 §.', '2025-10-15').problems.map((p) => p.code)).toEqual(['repealed-law', 'repealed-law']);
  });

  it('a chapter cited in a law without chapters is no section of it ("3 kap. 2 § LVU")', () => {
    expect(find('Enligt 3 kap. 2 § LVU ska vården planeras.', '2024-10-01').problems.map((p) => p.code)).toEqual(['unknown-section']);
    expect(find('Enligt 2 § LVU ska vården planeras.', '2024-10-01').problems).toEqual([]);
  });

  it('an SFS number after an abbreviation wins, and binds it', () => {
    const r = find('Enligt 4 kap. 1 § SoL (2001:453) har den enskilde rätt till bistånd, jfr 4:1 SoL. Se 6 kap. 34 § KL (1991:900).', '2025-09-01');
    expect(r.citations.map((c) => `${c.text} ${c.law?.sfs}`)).toEqual(['4 kap. 1 § SoL (2001:453) 2001:453', '4:1 SoL 2001:453', '6 kap. 34 § KL (1991:900) 1991:900']);
    expect(r.citations[0].targets).toEqual([{ chapter: '4', section: '1' }]);
    // cited after their repeal, with no ambiguity note for KL (the number says which law)
    expect(r.problems.map((p) => p.code)).toEqual(['repealed-law', 'repealed-law', 'repealed-law']);
  });

  it('a law in force named with its number binds its abbreviation; a coming or former law does not', () => {
    const laws = (text: string, date: string) => find(text, date).citations.map((c) => `${c.text} ${c.law?.sfs}`);
    // the abbreviation is then the document's: a citation on its own, with no ambiguity note
    const r = find('Kommunallagen (2017:725) gäller. KL reglerar också nämndernas arbete.', '2024-05-01');
    expect(r.citations.map((c) => `${c.text} ${c.law?.sfs}`)).toEqual(['Kommunallagen (2017:725) 2017:725', 'KL 2017:725']);
    expect(r.problems).toEqual([]);
    // a coming law: "fram till dess" the abbreviation is the law in force (2001:453)
    expect(laws('Socialtjänstlagen (2025:400) träder i kraft den 1 juli 2025. Fram till dess gäller 4 kap. 1 § SoL.', '2025-05-01')[1]).toBe('4 kap. 1 § SoL 2001:453');
    // a former law, in a sentence about the past: no false repealed-law error on the abbreviation
    const past = find('Jävsreglerna fanns redan i kommunallagen (1991:900). Enligt 6 kap. 28 § KL får ledamoten inte delta.', '2024-03-01');
    expect(past.citations.map((c) => c.law?.sfs)).toEqual(['1991:900', '2017:725']);
    expect(laws('Ärenden som inletts före den 1 juli 2025 handläggs enligt socialtjänstlagen (2001:453). För övriga ärenden tillämpas 11 kap. 1 § SoL.', '2025-09-01')[1]).toBe('11 kap. 1 § SoL 2025:400');
  });

  it('an abbreviation is a citation of its own, but for short ones that are also other things, compounds and headings', () => {
    const laws = (text: string) => find(text, '2024-05-01').citations.map((c) => `${c.text} ${c.law?.sfs}`);
    expect(laws('LSS är en rättighetslag.')).toEqual(['LSS 1993:387']);
    expect(laws('Både LSS och SoL ger rätt till insatser.')).toEqual(['LSS 1993:387', 'SoL 2001:453']);
    expect(laws('Förslaget påverkar LVU.')).toEqual(['LVU 1990:52']);
    expect(laws('Detta MB är stort.')).toEqual([]);
    expect(laws('Enligt MB gäller detta.')).toEqual(['MB 1998:808']);
    expect(laws('LEK OCH RÖRELSE FÖR BARN')).toEqual([]);
    // the document's own abbreviations, people's initials, names, times, addresses, and the short ones after "och"/"med"
    expect(laws('Socialförvaltningen (SoF) ansvarar för detta. SoF ska återrapportera.')).toEqual([]);
    expect(laws('Justerare: Lars Andersson Svensson (LAS) och Karin Lindqvist (KL).')).toEqual([]);
    expect(laws('LUF Göteborg har lämnat synpunkter. SFB Stadsfastigheter AB har inkommit.')).toEqual([]);
    expect(laws('Tid: KL 18.00 i Stadshusets sammanträdesrum. Se www.kommun.se/LSS eller skriv till LSS@kommun.se.')).toEqual([]);
    expect(laws('Platser på ÄB Solgården och ÄB Björken. Fiber och DSL. Bankens arbete med AML och KYC.')).toEqual([]);
  });

  it('finds every law of a list of abbreviations', () => {
    const laws = (text: string) => find(text, '2024-05-01').citations.map((c) => `${c.text} ${c.law?.sfs}`);
    expect(laws('Nämnden ansvarar för insatser enligt SoL, LVU, LVM och LSS.')).toEqual(['SoL 2001:453', 'LVU 1990:52', 'LVM 1988:870', 'LSS 1993:387']);
    expect(laws('Se även socialtjänstlagen, LVU och LSS.')).toEqual(['socialtjänstlagen 2001:453', 'LVU 1990:52', 'LSS 1993:387']);
    // a capitalised word after a comma is no law without a law before it
    expect(laws('Rapporten, LVU-utredningen och SoL-insatserna.')).toEqual([]);
  });

  it('finds laws by name with or without number', () => {
    expect(one('enligt socialtjänstlagen (2001:453)').law?.sfs).toBe('2001:453');
    expect(one('enligt lagen (1990:52) med särskilda bestämmelser om vård av unga').text).toBe(
      'lagen (1990:52) med särskilda bestämmelser om vård av unga',
    );
    expect(one('Bestämmelser i kommunallagen om att förtroendevalda', '2016-03-01').law?.sfs).toBe('1991:900');
    expect(one('enligt SFS 2022:1224').law?.sfs).toBe('2022:1224');
  });

  it('reaches over the rest of a law\'s title when the registry knows it only by its title', () => {
    // Stockholm KF agenda 2025-12-01 (../shared/corpus/council-docs); 2007:459 is in the SFS titles index only.
    const registry = LawRegistry.fromData(coreData);
    installTitleIndexSync(registry);
    const text = 'Den 1 augusti 2025 upphävdes lag (2007:459) om strukturfondspartnerskap. Stockholms stad hade två platser.';
    const [c] = findCitations(text, { date: '2025-12-01', dateKnown: true, registry }).citations;
    expect(c).toMatchObject({ text: 'lag (2007:459) om strukturfondspartnerskap', law: { sfs: '2007:459', title: 'Lag om strukturfondspartnerskap' } });
    // words that are not the title's rest stay outside
    const [d] = findCitations('enligt lag (2007:459) om ersättning till kommuner', { date: '2025-12-01', dateKnown: true, registry }).citations;
    expect(d.text).toBe('lag (2007:459)');
  });

  it('takes the number after a law\'s title ("lagen om offentlig upphandling (2016:1145)") as it takes one right after the name', () => {
    expect(one('Upphandlingen sker enligt lagen om offentlig upphandling (2016:1145), LOU.')).toMatchObject({
      text: 'lagen om offentlig upphandling (2016:1145), LOU',
      law: { sfs: '2016:1145' },
    });
    // a title the registry does not know: the provision keeps its law, the number is no second citation
    const c = one('Enligt 2 § lagen om bostadsanpassningsbidrag (2018:222) lämnas bidrag.');
    expect(c).toMatchObject({ text: '2 § lagen om bostadsanpassningsbidrag (2018:222)', law: { sfs: '2018:222' }, targets: [{ section: '2' }] });
    // and the phrase is bound for the rest of the document
    expect(statutes('Enligt lagen om bostadsanpassningsbidrag (2018:222) lämnas bidrag. Av 4 § lagen om bostadsanpassningsbidrag framgår mer.').map((x) => [x.text, x.law?.sfs])).toEqual([
      ['lagen om bostadsanpassningsbidrag (2018:222)', '2018:222'],
      ['4 § lagen om bostadsanpassningsbidrag', '2018:222'],
    ]);
    // with the SFS titles index the words name the older law of that title (1997:614): the number still wins, no repealed-law error
    const registry = LawRegistry.fromData(coreData);
    installTitleIndexSync(registry);
    const r = findCitations('Lagen om kommunal redovisning (2018:597) gäller från 2019.', { date: '2024-01-01', dateKnown: true, registry });
    expect(r.citations.map((x) => [x.text, x.law?.sfs])).toEqual([['Lagen om kommunal redovisning (2018:597)', '2018:597']]);
    expect(r.problems).toEqual([]);
  });

  it('reads a loose title with the abbreviation of a law whose title holds it: "lagen om vård av unga (LVU)"', () => {
    expect(one('Enligt lagen om vård av unga (LVU) kan nämnden ansöka om vård.')).toMatchObject({ text: 'lagen om vård av unga (LVU)', law: { sfs: '1990:52', abbreviation: 'LVU' } });
    // words that are no part of that law's title: no citation from them
    expect(statutes('Enligt lagen om bostäder (LVU) gäller.').map((x) => x.text)).not.toContain('lagen om bostäder (LVU)');
  });

  it('reads the short titles officials use, and a short name the document gives a law in lower case', () => {
    expect(one('Enligt lagen om stöd och service har den enskilde rätt till insatser.').law?.sfs).toBe('1993:387');
    expect(one('Enligt 9 § lagen om stöd och service gäller detta.')).toMatchObject({ text: '9 § lagen om stöd och service', law: { sfs: '1993:387' } });
    expect(one('Enligt lagen om vård av unga kan nämnden ansöka.').law?.sfs).toBe('1990:52');
    expect(one('Enligt lagen om vård av missbrukare kan nämnden ansöka.').law?.sfs).toBe('1988:870');
    expect(statutes('Enligt lagen (2009:724) om nationella minoriteter och minoritetsspråk (minoritetslagen) gäller detta. Enligt 5 b § minoritetslagen ska kommunen informera.').map((c) => [c.text, c.law?.sfs])).toEqual([
      ['lagen (2009:724) om nationella minoriteter och minoritetsspråk (minoritetslagen)', '2009:724'],
      ['5 b § minoritetslagen', '2009:724'],
    ]);
    // a title the registry does not know reaches to the name defined right after it, over "m.m." and "m.fl."
    expect(statutes('Enligt lagen (1992:1574) om bostadsanpassningsbidrag m.m. (BAB) gäller. Socialtjänstlagen gäller också. Enligt 6 § BAB ska.', '2016-05-01').map((c) => [c.text, c.law?.sfs])).toEqual([
      ['lagen (1992:1574) om bostadsanpassningsbidrag m.m. (BAB)', '1992:1574'],
      ['Socialtjänstlagen', '2001:453'],
      ['6 § BAB', '1992:1574'],
    ]);
    // and in the paragraphs after it
    expect(statutes('Enligt vägtrafikskattelagen (2006:227), VTSL, gäller detta.\n\nEnligt 4 § VTSL ska skatten betalas. Se VTSL.').map((c) => [c.text, c.law?.sfs])).toEqual([
      ['vägtrafikskattelagen (2006:227), VTSL', '2006:227'],
      ['4 § VTSL', '2006:227'],
      ['VTSL', '2006:227'],
    ]);
    expect(one('Enligt lagen (1994:137) om mottagande av asylsökande m.fl. (LMA) gäller.').text).toBe('lagen (1994:137) om mottagande av asylsökande m.fl. (LMA)');
    // but not to words in parentheses that define nothing
    expect(one('Enligt lagen (2007:459) om ersättning till kommuner (Stockholm) gäller.').text).toBe('lagen (2007:459)');
    // a word of another law after a comma is the next law of a list, not a short name
    expect(statutes('Lagen om offentlig upphandling (2016:1145), avtalslagen, och köplagen gäller. Enligt 36 § avtalslagen kan villkor jämkas.').map((c) => [c.text, c.law?.sfs])).toEqual([
      ['Lagen om offentlig upphandling (2016:1145)', '2016:1145'],
      ['36 § avtalslagen', undefined],
    ]);
    // a law the registry knows, after a comma, is the next law of a list, not a short name
    expect(statutes('Enligt socialtjänstlagen (2001:453), skollagen (2010:800) och 5 kap. 1 § skollagen gäller.').map((c) => c.law?.sfs)).toEqual(['2001:453', '2010:800', '2010:800']);
  });

  it('names the conventions made law as council documents do ("FN:s konvention om barnets rättigheter", "Europakonventionen")', () => {
    expect(one('Enligt FN:s konvention om barnets rättigheter ska barnets bästa beaktas.')).toMatchObject({ text: 'FN:s konvention om barnets rättigheter', law: { sfs: '2018:1197' } });
    expect(one('Enligt artikel 12 i FN:s konvention om barnets rättigheter har barnet rätt att komma till tals.').text).toBe('artikel 12 i FN:s konvention om barnets rättigheter');
    expect(one('I enlighet med FN:s barnkonvention ska barnets bästa beaktas.')).toMatchObject({ text: 'FN:s barnkonvention', law: { sfs: '2018:1197' } });
    expect(one('Europakonventionen artikel 8 skyddar rätten till privatliv.')).toMatchObject({ text: 'Europakonventionen artikel 8', law: { sfs: '1994:1219' } });
    // its articles, before or after it, one or a list, are part of the citation
    const texts = (text: string) => statutes(text).map((c) => c.text);
    expect(texts('Enligt barnkonventionen artikel 12 har barnet rätt att komma till tals.')).toEqual(['barnkonventionen artikel 12']);
    expect(texts('Barnkonventionens artikel 3 och artikel 12 är centrala.')).toEqual(['Barnkonventionens artikel 3 och artikel 12']);
    expect(texts('Artiklarna 2, 3, 6 och 12 i barnkonventionen är grundprinciperna.')).toEqual(['Artiklarna 2, 3, 6 och 12 i barnkonventionen']);
    expect(texts('Enligt artikel 8 i Europakonventionen och Europakonventionens artikel 6 gäller.')).toEqual(['artikel 8 i Europakonventionen', 'Europakonventionens artikel 6']);
    // not the articles of the next act
    expect(texts('Enligt barnkonventionen artikel 12 och artikel 5 i förvaltningslagen gäller.')).toEqual(['barnkonventionen artikel 12', 'förvaltningslagen']);
    // a convention that is no law, and the convention before it was made law (Karlskoga 2011)
    expect(statutes('Sverige har ratificerat en konvention om detta.')).toEqual([]);
    expect(statutes('Enligt FN:s konvention om barnets rättigheter ska barnets bästa beaktas.', '2011-05-01')).toEqual([]);
  });

  it('reads a title with commas when it is the title the registry has ("… för kommuner, regioner, kommunalförbund och samordningsförbund")', () => {
    const registry = LawRegistry.fromData(coreData);
    installTitleIndexSync(registry);
    const title = 'om ersättning för viss mervärdesskatt för kommuner, regioner, kommunalförbund och samordningsförbund';
    const r = findCitations(`Enligt lagen (2005:807) ${title} (LEMK) gäller detta. Kommunallagen gäller också. Enligt 2 § LEMK ska.`, { date: '2024-05-01', dateKnown: true, registry });
    expect(r.citations.map((c) => [c.text, c.law?.sfs])).toEqual([
      [`lagen (2005:807) ${title} (LEMK)`, '2005:807'],
      ['Kommunallagen', '2017:725'],
      ['2 § LEMK', '2005:807'],
    ]);
    expect(findCitations(`Enligt lagen ${title} gäller detta.`, { date: '2024-05-01', dateKnown: true, registry }).citations.map((c) => c.law?.sfs)).toEqual(['2005:807']);
    // a comma that ends the title ends the citation
    expect(findCitations('Enligt lagen (2018:222) om bostadsanpassningsbidrag, vilket gäller.', { date: '2024-05-01', dateKnown: true, registry }).citations[0].text).toBe('lagen (2018:222) om bostadsanpassningsbidrag');
  });

  it('"den äldre socialtjänstlagen", "tidigare SoL" are the law the one in force replaced, with no repealed-law problem', () => {
    const r = find('Enligt 10 kap. 4 § i den äldre socialtjänstlagen gällde detta. Enligt tidigare SoL också. Enligt 4 kap. 1 § SoL gäller nu.', '2025-09-16');
    expect(r.citations.map((c) => [c.text, c.law?.sfs])).toEqual([
      ['10 kap. 4 § i den äldre socialtjänstlagen', '2001:453'],
      ['tidigare SoL', '2001:453'],
      ['4 kap. 1 § SoL', '2025:400'],
    ]);
    expect(r.problems).toEqual([]);
    // with its number after the word, the provision keeps the law (it had none)
    expect(one('Enligt 10 kap. 4 § i den tidigare socialtjänstlagen (2001:453) gällde detta.', '2025-09-16')).toMatchObject({ law: { sfs: '2001:453' }, targets: [{ chapter: '10', section: '4' }] });
  });

  it('a bare article after an EU act or a convention in the same paragraph is an article of that act', () => {
    const r = find('Behandlingen sker enligt dataskyddsförordningen. En konsekvensbedömning enligt artikel 35 ska göras och ombudet höras enligt artikel 39.1 c. Se även artikel 3 i avtalet och artikel 3.2 b i avtalet.', '2025-02-10');
    expect(r.citations.map((c) => [c.text, c.kind, c.ref])).toEqual([
      ['dataskyddsförordningen', 'eu', '32016R0679'],
      ['artikel 35', 'eu', '32016R0679'],
      ['artikel 39.1 c', 'eu', '32016R0679'],
    ]);
    expect(r.citations[1].links?.[0].url).toContain('32016R0679');
    const b = find('Barnkonventionen är sedan 2020 svensk lag. Enligt artikel 23 har barn med funktionsnedsättning rätt till stöd.', '2025-10-06');
    expect(b.citations.map((c) => [c.text, c.law?.sfs])).toEqual([
      ['Barnkonventionen', '2018:1197'],
      ['artikel 23', '2018:1197'],
    ]);
    // not before the act, not after the paragraph ends, not after a law without articles
    expect(find('Enligt artikel 23 gäller detta. Barnkonventionen är lag.\n\nEnligt artikel 5 gäller annat.', '2025-10-06').citations.map((c) => c.text)).toEqual(['Barnkonventionen']);
    // (a blank line with Windows line ends ends the paragraph too)
    expect(find('Barnkonventionen är lag.\r\n\r\nEnligt artikel 5 gäller annat.', '2025-10-06').citations.map((c) => c.text)).toEqual(['Barnkonventionen']);
    expect(find('Enligt 5 § förvaltningslagen gäller detta, se artikel 5.', '2025-10-06').citations.map((c) => c.text)).toEqual(['5 § förvaltningslagen']);
    // the act is found back over other citations of the paragraph, not over a blank line between them
    const c = find('Dataskyddsförordningen gäller. Enligt 5 § förvaltningslagen ska artikel 13 följas, enligt 6 § förvaltningslagen även art. 14 och artikel 15.\n\nEnligt 7 § förvaltningslagen gäller artikel 16.', '2025-10-06');
    expect(c.citations.map((x) => [x.text, x.kind])).toEqual([
      ['Dataskyddsförordningen', 'eu'],
      ['5 § förvaltningslagen', 'statute'],
      ['artikel 13', 'eu'],
      ['6 § förvaltningslagen', 'statute'],
      ['art. 14', 'eu'],
      ['artikel 15', 'eu'],
      ['7 § förvaltningslagen', 'statute'],
    ]);
  });

  it('"i den upphävda lagen", "i den tidigare lagen" refer back to the law the one named before replaced', () => {
    const r = find('Den 1 juli 2025 trädde socialtjänstlagen (2025:400) i kraft.\n\nÄrenden prövas enligt 4 kap. 1 § i den upphävda lagen.', '2025-09-16');
    expect(r.citations.map((c) => [c.text, c.law?.sfs])).toEqual([
      ['socialtjänstlagen (2025:400)', '2025:400'],
      ['4 kap. 1 § i den upphävda lagen', '2001:453'],
    ]);
    expect(r.problems).toEqual([]);
    // a law named before that is itself repealed is the one meant
    expect(find('Enligt 4 kap. 1 § socialtjänstlagen (2001:453) gällde detta. Se 5 kap. 1 § i den upphävda lagen.', '2025-09-16').citations.map((c) => c.law?.sfs)).toEqual(['2001:453', '2001:453']);
  });

  it('a law cited as it read before a date is the law that applied then, with no repealed-law problem', () => {
    const r = find('Enligt 14 kap. 3 § SoL i dess lydelse före den 1 juli 2025 gällde detta. Socialtjänstlagen, i lydelsen före 2025-07-01, sa samma sak. Nu gäller 4 kap. 1 § SoL.', '2025-10-01');
    expect(r.citations.map((c) => [c.text, c.law?.sfs])).toEqual([
      ['14 kap. 3 § SoL', '2001:453'],
      ['Socialtjänstlagen', '2001:453'],
      ['4 kap. 1 § SoL', '2025:400'],
    ]);
    expect(r.problems).toEqual([]);
    // a date when the law read at the document's date already applied: that law, in its older wording
    expect(one('Enligt 4 kap. 1 § SoL i dess lydelse före den 1 oktober 2025.', '2025-12-01').law?.sfs).toBe('2025:400');
    // an explicit number wins
    expect(one('Enligt 4 kap. 1 § socialtjänstlagen (2025:400) i dess lydelse före den 1 juli 2025.', '2025-10-01').law?.sfs).toBe('2025:400');
  });

  it('a repealed law set beside the one that replaced it ("motsvarar …") is no repealed-law problem', () => {
    const r = find('Bestämmelsen i 11 kap. 1 § socialtjänstlagen motsvarar 10 kap. 4 § i socialtjänstlagen (2001:453).', '2025-10-01');
    expect(r.citations.map((c) => c.law?.sfs)).toEqual(['2025:400', '2001:453']);
    expect(r.problems).toEqual([]);
    expect(find('Nämnden beslutar enligt 10 kap. 4 § i socialtjänstlagen (2001:453).', '2025-10-01').problems.map((p) => p.code)).toEqual(['repealed-law']);
  });

  it('a law named with its number as the former law binds nothing: later bare names are read at the date', () => {
    const r = find('Den nya lagen har ersatt socialtjänstlagen (2001:453).\n\nVården ska planeras enligt 9 kap. 12 § socialtjänstlagen.', '2025-10-15');
    expect(r.citations.map((c) => [c.text, c.law?.sfs])).toEqual([
      ['socialtjänstlagen (2001:453)', '2001:453'],
      ['9 kap. 12 § socialtjänstlagen', '2025:400'],
    ]);
    expect(r.problems).toEqual([]);
    // a number given as the law meant still binds (the seed's "socialtjianstlagen (2001:453), SoL")
    expect(find('Enligt socialtjänstlagen (2001:453) gäller detta. Se 4 kap. 1 § socialtjänstlagen.', '2025-10-15').citations.map((c) => c.law?.sfs)).toEqual(['2001:453', '2001:453']);
  });

  it('a sentence that reports the repeal, or speaks of the former law, is no repealed-law problem', () => {
    const registry = LawRegistry.fromData(coreData);
    installTitleIndexSync(registry);
    const codes = (text: string) => findCitations(text, { date: '2025-12-01', dateKnown: true, registry }).problems.map((p) => p.code);
    expect(codes('Den 1 augusti 2025 upphävdes lag (2007:459) om strukturfondspartnerskap.')).toEqual([]);
    expect(codes('Lag (2007:459) om strukturfondspartnerskap upphörde att gälla den 1 augusti 2025.')).toEqual([]);
    expect(codes('Den nya lagen ersätter den tidigare socialtjänstlagen (2001:453).')).toEqual([]);
    expect(codes('Enligt lag (2007:459) om strukturfondspartnerskap ska staden utse ledamöter.')).toEqual(['repealed-law']);
    expect(codes('Nämnden beslutar enligt 4 kap. 1 § socialtjänstlagen (2001:453).')).toEqual(['repealed-law']);
  });

  it('a law whose successor has no known start is repealed for certain only a year after the successor\'s issue', () => {
    // 2018:597 was issued 2018-05-24 and came into force 2019-01-01; the index has only its issue date
    const registry = LawRegistry.fromData(coreData);
    installTitleIndexSync(registry);
    const at = (date: string) => findCitations('Enligt lagen (1997:614) om kommunal redovisning gäller detta.', { date, dateKnown: true, registry });
    expect(at('2018-10-15').problems).toEqual([]);
    expect(at('2018-10-15').citations[0].law?.repealedOn).toBeUndefined();
    expect(at('2020-10-15').problems.map((p) => p.message)).toEqual([
      'Lag om kommunal redovisning (1997:614) har upphävts och ersatts av lag om kommunal bokföring och redovisning (2018:597), utfärdad 2018-05-24.',
    ]);
  });

  it('gives no unknown-section for skollagen sections its converted source lost', () => {
    expect(find('Enligt 7 kap. 1 § skollagen (2010:800) och 1 kap. 1 § skollagen gäller följande.', '2024-05-01').problems).toEqual([]);
    expect(find('Enligt 99 § LVU gäller följande.', '2024-05-01').problems.map((p) => p.code)).toEqual(['unknown-section']);
  });

  it('reads "-ordning" words as law names, other "-ning" words not', () => {
    expect(one('enligt förordningen (2001:937) om socialtjänst').law?.sfs).toBe('2001:937');
    expect(one('Ärendet följer tryckfrihetsförordningen.').law?.sfs).toBe('1949:105');
    // "utredning", "handläggning": a number in parentheses after them is no law's.
    expect(statutes('Utredningen (2020:12) föreslog en ny handläggning (2001:453) av ärendena.')).toEqual([]);
  });

  it('finds abbreviations inside compounds after a provision', () => {
    const c = one('beslut om 3 kap. 6 § SoL-insatser fattas');
    expect(c.text).toBe('3 kap. 6 § SoL');
    expect(c.law?.sfs).toBe('2001:453');
  });

  it('real council-document citations', () => {
    const r = find(excerpts, '2012-03-15');
    const by = (t: string) => r.citations.find((c) => c.text.startsWith(t));
    expect(by('6 kap 15 c första stycket FB')).toMatchObject({ law: { sfs: '1949:381' }, targets: [{ chapter: '6', section: '15 c', paragraph: '1' }] });
    expect(by('SFS 2010:740')?.law?.sfs).toBe('2010:740');
    expect(by('11 § MBL')).toMatchObject({ law: { sfs: '1976:580' }, targets: [{ section: '11' }] });
    expect(by('2 kap 7 § FB')?.links?.map((l) => l.url)).toContain('https://lagen.nu/1949:381#K2P7');
    expect(by('2 kap 7 § andra stycket föräldrabalken (FB)')?.links?.map((l) => l.url)).toContain('https://lagen.nu/1949:381#K2P7S2');
    expect(by('lagen (2018:1 197) om Förenta nationernas')?.law?.sfs).toBe('2018:1197');
    expect(by('socialtjänstlagen (SoL)')?.law?.sfs).toBe('2001:453');
    expect(by('SOU 2022:70')).toMatchObject({ kind: 'preparatory', ref: 'SOU 2022:70' });
    // Not citations: motion numbers, protocol paragraphs, dates.
    for (const c of r.citations) expect(c.text).not.toMatch(/^§|KS 2009-0|^\(2008:25\)/);
  });
});

describe('context and time', () => {
  it('a bare provision belongs to the law named last in the paragraph', () => {
    const r = statutes('Enligt socialtjänstlagen (2001:453) ska nämnden verka för detta. Av 7 kap. 17 § framgår mer.');
    expect(r[1]).toMatchObject({ text: '7 kap. 17 §', law: { sfs: '2001:453' } });
  });

  it('"samma lag" refers back', () => {
    const r = statutes('Se 4 § delgivningslagen (2010:1932). Av 3 § samma lag framgår att …');
    expect(r[1]).toMatchObject({ text: '3 § samma lag', law: { sfs: '2010:1932' } });
  });

  it('leaves the law out when none can be known', () => {
    const c = one('Det följer av 7 kap. 17 § att nämnden ska agera.');
    expect(c.law).toBeUndefined();
  });

  it('SoL means 2001:453 before and 2025:400 from 2025-07-01; an SFS number wins', () => {
    expect(one('enligt 4 kap. 1 § SoL', '2025-06-30').law?.sfs).toBe('2001:453');
    expect(one('enligt 4 kap. 1 § SoL', '2025-07-01').law?.sfs).toBe('2025:400');
    const c = one('enligt socialtjänstlagen (2001:453)', '2025-09-01');
    expect(c.law?.sfs).toBe('2001:453');
    expect(c.problems?.[0]).toMatchObject({ code: 'repealed-law' });
    expect(findCitations('enligt socialtjänstlagen (2001:453)', at('2025-09-01')).problems[0].severity).toBe('error');
  });

  it('reports a section the registry knows does not exist', () => {
    const c = one('enligt 3 kap. 99 § socialtjänstlagen (2001:453)', '2024-01-01');
    expect(c.problems?.map((p) => p.code)).toEqual(['unknown-section']);
  });

  it('reads no law from a name the law did not yet have at the date ("barnkonventionen" in 2011 is the convention)', () => {
    const text = 'En strategi är att barnkonventionen beaktas i kommunala beslutsärenden.';
    expect(statutes(text, '2011-10-26')).toEqual([]);
    expect(one(text, '2021-03-01').law?.sfs).toBe('2018:1197');
    // "den nya …" may name the coming law (seed 001); an SFS number always wins
    expect(one('enligt den nya socialtjänstlagen', '2023-08-24').law?.sfs).toBe('2025:400');
    expect(one('lagen (2018:1197) om Förenta nationernas konvention om barnets rättigheter', '2011-10-26').law?.sfs).toBe('2018:1197');
  });

  it('tells once, in a document without a date, that a name meant an older law until recently', () => {
    const undated = { date: '2026-11-25', dateKnown: false };
    const text = 'Bestämmelser i kommunallagen om förtroendevalda. En bestämmelse i kommunallagen om fullmäktige.';
    const r = findCitations(text, undated);
    expect(r.citations.map((c) => c.law?.sfs)).toEqual(['2017:725', '2017:725']);
    const notes = r.problems.filter((p) => p.code === 'undated-law');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: 'info', start: r.citations[0].start });
    expect(notes[0].message).toMatch(/kommunallagen \(2017:725\).*2018-01-01.*kommunallagen \(1991:900\)/);
    // not with a known date, a cited number, or a law replaced more than 20 years before the date used
    expect(findCitations(text, at('2026-11-25')).problems).toEqual([]);
    expect(findCitations('kommunallagen (2017:725) och sedan kommunallagen', undated).problems).toEqual([]);
    expect(findCitations('enligt 4 kap. 1 § socialtjänstlagen', { date: '2030-01-01', dateKnown: false }).problems.map((p) => p.code)).toEqual(['undated-law']);
    expect(findCitations('enligt 1 § LVU', undated).problems).toEqual([]);
  });

  it('reports an ambiguous abbreviation once', () => {
    const r = find('enligt 6 kap. 1 § KL och 5 kap. 2 § KL', '2024-01-01');
    expect(r.problems.filter((p) => p.code === 'ambiguous-law')).toHaveLength(1);
    expect(r.citations[0].law?.sfs).toBe('2017:725');
  });

  it('reads the convention by its own name, from when the law exists', () => {
    const text = 'Enligt artikel 3 i konventionen om barnets rättigheter ska barnets bästa beaktas.';
    expect(find(text, '2024-05-01').citations.map((c) => [c.text, c.law?.sfs])).toEqual([['artikel 3 i konventionen om barnets rättigheter', '2018:1197']]);
    expect(find(text, '2011-10-26').citations).toEqual([]);
  });

  it('an article of barnkonventionen is part of the citation ("artikel 12 i barnkonventionen")', () => {
    const cs = find('I barnrättsanalysen beaktas artikel 12 i barnkonventionen. Se även artikel 3.1 enligt barnkonventionen.', '2024-05-01').citations;
    expect(cs.map((c) => [c.text, c.law?.sfs])).toEqual([
      ['artikel 12 i barnkonventionen', '2018:1197'],
      ['artikel 3.1 enligt barnkonventionen', '2018:1197'],
    ]);
  });

  it('no ambiguity note when the document has named the law the abbreviation is read as', () => {
    const r = find('Enligt 6 kap. 37 § kommunallagen (2017:725) ska nämnden. Av 6 kap. 38 § KL följer detta.', '2024-05-01');
    expect(r.citations.map((c) => c.law?.sfs)).toEqual(['2017:725', '2017:725']);
    expect(r.problems).toEqual([]);
  });
});

it('a page of a work in several volumes keeps its part: "SOU 2020:47 del 1 s. 300"', () => {
  const [c] = find('Se SOU 2020:47 del 1 s. 300 om detta.', '2024-05-01').citations;
  expect(c).toMatchObject({ text: 'SOU 2020:47 del 1 s. 300', ref: 'SOU 2020:47' });
  expect(c.links?.[0].url).toBe('https://lagen.nu/sou/2020:47#sid300');
  expect(find('Se prop. 1979/80:2 Del A s. 84.', '2024-05-01').citations[0].text).toBe('prop. 1979/80:2 Del A s. 84');
  // a budget bill's expenditure area is part of the citation, not a page
  const [b, d] = find('Se prop. 2023/24:1 utg.omr. 9 s. 45 och prop. 2021/22:1 utgiftsområde 25.', '2024-05-01').citations;
  expect(b).toMatchObject({ text: 'prop. 2023/24:1 utg.omr. 9 s. 45', ref: 'prop. 2023/24:1' });
  expect(b.links?.[0].url).toBe('https://lagen.nu/prop/2023/24:1#sid45');
  expect(d).toMatchObject({ text: 'prop. 2021/22:1 utgiftsområde 25', ref: 'prop. 2021/22:1' });
});

describe('EU articles', () => {
  const eu = (text: string) => find(text, '2024-05-01').citations.filter((c) => c.kind === 'eu').map((c) => `${c.text} → ${c.links?.[0]?.url.split('#')[1]}`);
  it('after the possessive name or abbreviation', () => {
    expect(eu('Av dataskyddsförordningens artikel 9 framgår att uppgifterna är känsliga.')).toEqual(['dataskyddsförordningens artikel 9 → art_9']);
    expect(eu('GDPR:s artikel 5 gäller.')).toEqual(['GDPR:s artikel 5 → art_5']);
  });
  it('a name with its abbreviation in parentheses is one citation, with the article after both', () => {
    expect(eu('Enligt EU:s dataskyddsförordning (GDPR) artikel 6.1 c ska uppgifterna lämnas.')).toEqual(['EU:s dataskyddsförordning (GDPR) artikel 6.1 c → art_6']);
    expect(eu('Enligt dataskyddsförordningen (GDPR) ska uppgifterna lämnas.')).toEqual(['dataskyddsförordningen (GDPR) → undefined']);
  });
  it('an act cited by a compound name and its number starts at the word ("dataskyddsförordningen (EU) 2016/679")', () => {
    expect(find('Se dataskyddsförordningen (EU) 2016/679.', '2024-05-01').citations.map((c) => c.text)).toEqual(['dataskyddsförordningen (EU) 2016/679']);
  });
  it('a list of articles before the act: one citation over them all, linked to the first', () => {
    expect(eu('Stöd finns i artikel 6.1 e och artikel 9.2 g i dataskyddsförordningen.')).toEqual(['artikel 6.1 e och artikel 9.2 g i dataskyddsförordningen → art_6']);
    expect(eu('Behandlingen sker enligt artikel 6.1 c och e i dataskyddsförordningen.')).toEqual(['artikel 6.1 c och e i dataskyddsförordningen → art_6']);
    // an article of another sentence is not drawn in
    expect(eu('Se artikel 5. Enligt artikel 6 i GDPR får vi.')).toEqual(['artikel 6 i GDPR → art_6']);
  });
});

describe('other kinds', () => {
  const r = find(
    'Se prop. 2000/01:80 s. 91, SOU 2020:47, Ds 2019:4, bet. 2000/01:SoU23, rskr. 2000/01:290 och dir. 2021:12. ' +
      'HFD 2018 ref. 5, RÅ 2004 ref. 8, NJA 2019 s. 504, AD 2008 nr 28, MÖD 2000:48, MIG 2011:4, JO 2019/20 s. 347, mål nr 1234-22. ' +
      'Enligt artikel 6.1 e i förordning (EU) 2016/679 och GDPR samt dataskyddsförordningen, direktiv 95/46/EG. ' +
      'SOSFS 2014:5 och HSLF-FS 2016:40. Dnr KS 2023/105, dnr SN 2023/0456.',
  );
  const refs = r.citations.map((c) => `${c.kind}:${c.ref}`);
  it('reads NJA pages without the dot ("NJA 2019 s 504")', () => {
    expect(find('Se NJA 2019 s 504.', '2024-05-01').citations.map((c) => c.ref)).toEqual(['NJA 2019 s. 504']);
  });
  it('finds them with normalised refs', () => {
    expect(refs).toEqual([
      'preparatory:prop. 2000/01:80', 'preparatory:SOU 2020:47', 'preparatory:Ds 2019:4', 'preparatory:bet. 2000/01:SoU23',
      'preparatory:rskr. 2000/01:290', 'preparatory:dir. 2021:12',
      'case-law:HFD 2018 ref. 5', 'case-law:RÅ 2004 ref. 8', 'case-law:NJA 2019 s. 504', 'case-law:AD 2008 nr 28',
      'case-law:MÖD 2000:48', 'case-law:MIG 2011:4', 'case-law:JO 2019/20 s. 347', 'case-law:mål nr 1234-22',
      'eu:32016R0679', 'eu:32016R0679', 'eu:32016R0679', 'eu:31995L0046',
      'regulation:SOSFS 2014:5', 'regulation:HSLF-FS 2016:40', 'case-number:KS 2023/105', 'case-number:SN 2023/0456',
    ]);
  });
  it('links them', () => {
    const url = (ref: string) => r.citations.find((c) => c.ref === ref)?.links?.[0]?.url;
    expect(url('prop. 2000/01:80')).toBe('https://lagen.nu/prop/2000/01:80#sid91');
    expect(url('HFD 2018 ref. 5')).toBe('https://lagen.nu/dom/hfd/2018:5');
    expect(url('NJA 2019 s. 504')).toBe('https://lagen.nu/dom/nja/2019s504');
    expect(r.citations.find((c) => c.ref === '32016R0679')?.text).toBe('artikel 6.1 e i förordning (EU) 2016/679');
  });

  it('does not cite protocol paragraphs, amounts, dates, years, phone numbers or attachments', () => {
    const text = '§ 14 Svar på remiss. Kostnaden är 1 000 kronor 2023. Beslut 2023-05-17 § 4. Tel. 08-508 223 10. Se bilaga 2 och punkt 3 i bilagan. (KS 2009-05-26, § 104) § 63/20';
    expect(find(text).citations).toEqual([]);
  });
});

describe('OCR damage', () => {
  it.each([
    'enligt 3 kap. 5 § socialtjanstlagen',
    'enligt 3 kap. 5 § socialtjianstlagen',
    'enligt 3 kap. 5 § soc1altjänstlagen',
    'enligt 3 kap.5 § socialtjänstlagen',
    'enligt 3\nkap. 5 §\nsocialtjänstlagen',
    'enligt 3 kap. 5 § social-\ntjänstlagen',
  ])('%j', (text) => {
    const c = one(text, '2024-01-01');
    expect(c.law?.sfs).toBe('2001:453');
    expect(c.targets).toEqual([{ chapter: '3', section: '5' }]);
  });
});

describe('provisions of an agency regulation', () => {
  it('are one regulation citation with the provisions as targets', () => {
    const r = find('Enligt 4 kap. 2 § SOSFS 2014:5 ska dokumentationen vara tydlig.');
    expect(r.citations.map((c) => [c.kind, c.text, c.ref, c.targets])).toEqual([['regulation', '4 kap. 2 § SOSFS 2014:5', 'SOSFS 2014:5', [{ chapter: '4', section: '2' }]]]);
  });

  it('are merged in a document with more citations than a call can take as arguments', () => {
    // 150,000 statute citations before the regulation: the merged statute is removed from a very long list.
    const text = `${'Se 5 § LSS. '.repeat(150_000)}\n\nEnligt 4 kap. 2 § SOSFS 2014:5 ska dokumentationen vara tydlig.`;
    const r = findCitations(text, at('2024-01-01'));
    expect(r.citations).toHaveLength(150_001);
    expect(r.citations.at(-1)).toMatchObject({ kind: 'regulation', ref: 'SOSFS 2014:5', targets: [{ chapter: '4', section: '2' }] });
  });
});
