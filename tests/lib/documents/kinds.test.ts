import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { growth } from '../../linear';
import { analyze, AnalysisResultSchema, offsetErrors } from '../../../lib';
import { analyzeDocument } from '../../../lib/documents';

const doc = (name: string) => readFileSync(new URL(`../../fixtures/documents/${name}`, import.meta.url), 'utf8');
const errors = (r: ReturnType<typeof analyzeDocument>) => r.missingSections.filter((m) => m.severity === 'error').map((m) => m.id);

describe('self-written documents of every kind', () => {
  it('motion: title, date, att-satser one each, signatories with party', () => {
    const r = analyzeDocument(doc('motion.txt'));
    expect(r.document.kind).toBe('motion');
    expect(r.document.title).toBe('Motion om fler fritidsgårdar med kvällsöppet i ytterstaden');
    expect(r.document.date).toBe('2024-02-12');
    expect(r.document.authority).toBe('Kommunfullmäktige');
    expect(r.document.motion).toEqual({
      title: 'Motion om fler fritidsgårdar med kvällsöppet i ytterstaden',
      authors: [{ name: 'Amanda Lindqvist', party: 'V' }, { name: 'Jonas Berg', party: 'V' }],
    });
    expect(r.document.proposals).toHaveLength(3);
    expect(r.document.proposals[0]).toBe('att fritidsgårdarna i ytterstaden ges resurser för att hålla öppet till klockan 24.00 på fredagar och lördagar,');
    expect(r.missingSections).toEqual([]);
  });
  it('motion without att-satser and signatures: both are errors', () => {
    const r = analyzeDocument(doc('motion-unsigned.txt'));
    expect(r.document.kind).toBe('motion');
    expect(errors(r)).toEqual(['att-satser', 'underskrifter']);
  });
  it('tjänsteutlåtande: complete, own date from the head, numbered proposals', () => {
    const r = analyzeDocument(doc('tjansteutlatande.txt'));
    expect(r.document.kind).toBe('tjansteutlatande');
    expect(r.document.title).toBe('Riktlinjer för handläggning av ekonomiskt bistånd 2024');
    expect(r.document.date).toBe('2024-04-09');
    expect(r.document.caseNumbers).toEqual(['SN 2024/0312']);
    expect(r.document.authority).toBe('Socialnämnden');
    expect(r.document.officer).toEqual({ name: 'Sara Nyström', phone: '08-508 25 114' });
    expect(r.document.proposals).toEqual([
      'Socialnämnden godkänner förslaget till reviderade riktlinjer för handläggning av ekonomiskt bistånd.',
      'Socialnämnden överlämnar riktlinjerna till kommunstyrelsen för kännedom.',
    ]);
    expect(r.missingSections).toEqual([]);
    expect(r.problems).toEqual([]);
  });
  it('remiss: the matter, the deadline, the case number', () => {
    const r = analyzeDocument(doc('remiss.txt'));
    expect(r.document.kind).toBe('remiss');
    expect(r.document.title).toBe('Motion om kvällsöppna fritidsgårdar i ytterstaden');
    expect(r.document.date).toBe('2024-03-01');
    expect(r.document.caseNumbers[0]).toBe('KS 2024/411');
    expect(r.document.authority).toBe('Kommunstyrelsen');
    expect(r.missingSections).toEqual([]);
  });
  it('remissvar: own case number before the remiss number, title = the motion answered', () => {
    const r = analyzeDocument(doc('remissvar.txt'));
    expect(r.document.kind).toBe('remissvar');
    expect(r.document.caseNumbers).toEqual(['RK 2024/88', 'KS 2024/411']);
    expect(r.document.title).toBe('Motion om fler fritidsgårdar med kvällsöppet i ytterstaden');
    expect(r.document.authority).toBe('Rinkeby-Kista stadsdelsnämnd');
    expect(r.document.date).toBe('2024-04-25');
    expect(r.document.motion?.authors.map((a) => `${a.name} (${a.party})`)).toEqual(['Amanda Lindqvist (V)', 'Jonas Berg (V)']);
    expect(errors(r)).toEqual([]);
    expect(r.missingSections.map((m) => m.id)).toEqual(['barnrattsanalys']);
  });
  it('protokoll: meeting date, § items as sections, justering present', () => {
    const r = analyzeDocument(doc('protokoll.txt'));
    expect(r.document.kind).toBe('protokoll');
    expect(r.document.date).toBe('2024-05-21');
    expect(r.document.authority).toBe('Socialnämnden');
    expect(r.sections.filter((s) => s.id === 'paragraf').map((s) => s.heading)).toEqual(['§ 1', '§ 2', '§ 3']);
    expect(r.missingSections).toEqual([]);
    expect(r.subkind).toBeUndefined();
  });
  it('protokollsutdrag: a protokoll with its own profile', () => {
    const r = analyzeDocument(doc('protokollsutdrag.txt'));
    expect(r.document.kind).toBe('protokoll');
    expect(r.subkind).toBe('protokollsutdrag');
    expect(r.profile).toBe('protokollsutdrag');
    expect(r.document.date).toBe('2024-06-12');
    expect(r.document.caseNumbers).toEqual(['KS 2023/310']);
    expect(errors(r)).toEqual([]);
  });
  it('skrivelse', () => {
    const r = analyzeDocument(doc('skrivelse.txt'));
    expect(r.document.kind).toBe('skrivelse');
    expect(r.document.date).toBe('2024-03-19');
    expect(r.document.authority).toBe('Socialnämnden');
    expect(r.missingSections).toEqual([]);
  });
  for (const f of ['news-article.txt', 'recipe.txt', 'english.txt']) {
    it(`${f}: no council document → unknown, low confidence, nothing demanded`, () => {
      const r = analyzeDocument(doc(f));
      expect(r.document.kind).toBe('unknown');
      expect(r.document.confidence).toBeLessThanOrEqual(0.3);
      expect(r.missingSections).toEqual([]);
      expect(r.problems).toEqual([]);
      expect(r.document.evidence.length).toBeGreaterThan(0);
    });
  }
  it('empty and whitespace-only text', () => {
    expect(analyzeDocument('').document.kind).toBe('unknown');
    expect(analyzeDocument('   \n\n ').missingSections).toEqual([]);
  });
});

describe('OCR-damaged variants (hand-made)', () => {
  it('tjänsteutlåtande with lost diacritics, page headers and footnote debris', () => {
    const r = analyzeDocument(doc('tjansteutlatande-ocr.txt'));
    expect(r.document.kind).toBe('tjansteutlatande');
    expect(r.document.authority).toBe('Socialnämnden');
    expect(r.document.officer?.name).toBe('Sara Nystrom');
    expect(r.sections.map((s) => s.id)).toEqual([
      'forslag-till-beslut', 'sammanfattning', 'arendet', 'arendets-beredning', 'forvaltningens-synpunkter', 'ekonomiska-konsekvenser',
    ]);
    expect(errors(r)).toEqual(['jamstalldhetsanalys']);
    expect(r.document.proposals).toHaveLength(1);
  });
  it('remissvar without Sammanfattning', () => {
    const r = analyzeDocument(doc('remissvar-ocr.txt'));
    expect(r.document.kind).toBe('remissvar');
    expect(r.document.authority).toBe('Rinkeby-Kista stadsdelsnämnd');
    expect(r.document.motion?.authors).toEqual([{ name: 'Amanda Lindqvist', party: 'V' }, { name: 'Jonas Berg', party: 'V' }]);
    expect(errors(r)).toEqual(['sammanfattning']);
  });
  it('motion with OCR damage', () => {
    const r = analyzeDocument(doc('motion-ocr.txt'));
    expect(r.document.kind).toBe('motion');
    expect(r.document.proposals).toHaveLength(2);
    expect(r.document.motion?.authors).toHaveLength(2);
    expect(r.missingSections.filter((m) => m.severity === 'error')).toEqual([]);
  });
});

/** Damage a clean text the way OCR does; the result must analyse the same. */
function ocrDamage(text: string, seed: number): string {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const sub: Record<string, string[]> = { ä: ['a', 'd', 'i', 'é', '&'], å: ['a', 'd'], ö: ['o', '6'], Ä: ['A'], Å: ['A'], Ö: ['O'] };
  let out = '';
  for (const c of text) out += sub[c] && rnd() < 0.85 ? sub[c][Math.floor(rnd() * sub[c].length)] : c;
  // " i " read as " 1 ", leading spaces, a page header after the 12th line
  out = out.replace(/ i /g, () => (rnd() < 0.5 ? ' 1 ' : ' i '));
  const lines = out.split('\n').map((l) => (rnd() < 0.3 ? ` ${l}` : l));
  lines.splice(Math.min(12, lines.length), 0, '', 'Sida 2 (4)', '');
  return lines.join('\n');
}

describe('generated OCR damage keeps kind, sections and missing sections', () => {
  for (const f of ['tjansteutlatande.txt', 'remissvar.txt', 'motion.txt', 'protokoll.txt', 'remiss.txt', 'skrivelse.txt']) {
    for (const seed of [1, 7, 42]) {
      it(`${f} (seed ${seed})`, () => {
        const clean = analyzeDocument(doc(f));
        const text = ocrDamage(doc(f), seed);
        const r = analyzeDocument(text);
        expect(r.document.kind).toBe(clean.document.kind);
        expect(r.sections.map((s) => s.id)).toEqual(clean.sections.map((s) => s.id));
        expect(r.missingSections.map((m) => m.id)).toEqual(clean.missingSections.map((m) => m.id));
        expect(r.document.caseNumbers).toEqual(clean.document.caseNumbers);
        expect(r.document.date).toBe(clean.document.date);
        expect(r.document.authority).toBe(clean.document.authority);
        const res = analyze(text);
        expect(offsetErrors(res, text)).toEqual([]);
        expect(() => AnalysisResultSchema.parse(res)).not.toThrow();
      });
    }
  }
});

describe('headings are lines standing alone', () => {
  it('a remissvar\'s account of the motion or the inquiry is its Ärendet ("Motionens förslag", "Utredningens förslag")', () => {
    for (const heading of ['Motionens förslag', 'Utredningens förslag']) {
      const r = analyzeDocument(`Förvaltningens förslag till beslut\nNämnden godkänner.\n\n${heading}\nMotionären föreslår att staden inför en modell.\n`);
      expect(r.sections.map((s) => s.id)).toEqual(['forslag-till-beslut', 'arendet']);
    }
  });
  it('the same words inside a sentence are not a heading', () => {
    const text = 'Förvaltningens förslag till beslut\nNämnden godkänner.\n\nI ärendet finns en\nbakgrund\nsom förvaltningen beskriver. Mot bakgrund av detta föreslås Jämställdhetsanalys i text.';
    const r = analyzeDocument(text);
    expect(r.sections.map((s) => s.id)).toEqual(['forslag-till-beslut']);
  });
  it('numbered and colon headings, two-line headings', () => {
    const text = 'Tjänsteutlåtande\n\n1. Förvaltningens förslag till\nbeslut\n\nNämnden godkänner.\n\n2. Sammanfattning:\n\nText.\n';
    const r = analyzeDocument(text);
    expect(r.sections.map((s) => s.id)).toEqual(['forslag-till-beslut', 'sammanfattning']);
    expect(text.slice(r.sections[0].start, r.sections[0].end)).toMatch(/^1\. Förvaltningens förslag till\nbeslut/);
  });
});

describe('growth with length', () => {
  // 8× the text: linear ≈ 8× the time, quadratic ≈ 64× (tests measure growth, never absolute time).
  it('analysing documents grows linearly', () => {
    const base = doc('tjansteutlatande.txt') + doc('remissvar.txt') + doc('protokoll.txt');
    expect(growth((n) => base.repeat(Math.ceil(n / base.length)), analyzeDocument, 125_000, 3)).toBeLessThan(24);
  });
  it('a pathological line of capitalised words and parentheses stays linear', () => {
    const line = (n: number) => 'Anna Berg Carl Dahl Erik Falk '.repeat(Math.ceil((n * 3) / 5 / 30)) + '(S) ' + 'att '.repeat(Math.ceil((n * 2) / 5 / 4));
    expect(growth(line, analyzeDocument, 125_000, 3)).toBeLessThan(24);
  });
});
