/** The draft check's own rules, one by one, on small real-looking texts. */
import { describe, expect, it } from 'vitest';
import {
  applyIgnores,
  checkDraft,
  findEmails,
  findIdNumbers,
  findPhones,
  isAuthorityDomain,
  lixLevel,
  RULES,
  summaryLine,
} from '../../../lib/checks';
import { TODAY } from './helpers';

const HEAD = `Handläggare
Anna Andersson
Telefon: 08-508 12 345

Till
Socialnämnden
2026-03-02

Förvaltningens förslag till beslut

Socialnämnden godkänner förvaltningens tjänsteutlåtande.

Ärendet

`;
const rulesOf = (t: string) => checkDraft(t, { today: TODAY }).findings.map((f) => `${f.rule}:${t.slice(f.start ?? 0, f.end ?? 0)}`);

describe('personnummer and samordningsnummer', () => {
  it('flags only numbers the personnummer package accepts, at word boundaries', () => {
    const t = 'Sökande 19121212-1212, 121212-1212, 121212+1212 och 191212121212. Ogiltigt: 121212-1213, 19121313-1212. Inne i ord: A121212-1212, 1121212-12125.';
    expect(findIdNumbers(t).map((m) => m.text)).toEqual(['19121212-1212', '121212-1212', '121212+1212', '191212121212']);
  });
  it('tells samordningsnummer (day + 60) apart', () => {
    const t = 'Samordningsnummer 701063-2391 och personnummer 811218-9876.';
    const found = findIdNumbers(t);
    expect(found.map((m) => [m.text, m.coordination])).toEqual([
      ['701063-2391', true],
      ['811218-9876', false],
    ]);
    const f = checkDraft(t, { today: TODAY }).findings.filter((x) => x.rule === 'personnummer');
    expect(f.map((x) => x.code)).toEqual(['samordningsnummer', 'personnummer']);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
  });
  it('is not fooled by dates, case numbers, SFS numbers or phone numbers', () => {
    const t = 'Dnr KS 2023/105, SFS 2001:453, 2023-08-24, tel. 0701234567, kl. 18.00.';
    expect(findIdNumbers(t)).toEqual([]);
  });
});

describe('private phone numbers (heuristic)', () => {
  const text = `${HEAD}Handläggaren nås på 070-123 45 67.

Klaganden Karin Nilsson kan nås på 070-765 43 21 eller på 031-12 34 56.

Stadens växel: 08-508 000 00.
`;
  it('leaves the handläggare, the city series and official contexts alone; flags the rest', () => {
    const phones = findPhones(text, { officer: { name: 'Anna Andersson', phone: '08-508 12 345' } }, [{ id: 'forslag-till-beslut', heading: 'x', start: text.indexOf('Förvaltningens förslag'), end: text.length }]);
    expect(phones.map((p) => [p.text, p.attributed])).toEqual([
      ['08-508 12 345', 'officer'],
      ['070-123 45 67', 'role-context'],
      ['070-765 43 21', null],
      ['031-12 34 56', null],
      ['08-508 000 00', 'city-series'],
    ]);
    const found = checkDraft(text, { today: TODAY }).findings.filter((f) => f.rule === 'private-phone');
    expect(found.map((f) => [f.code, text.slice(f.start, f.end)])).toEqual([
      ['private-mobile', '070-765 43 21'],
      ['private-phone', '031-12 34 56'],
    ]);
  });
});

describe('e-mail outside the authority', () => {
  it('accepts stockholm.se and its subdomains', () => {
    expect(isAuthorityDomain('stockholm.se', ['stockholm.se'])).toBe(true);
    expect(isAuthorityDomain('edu.stockholm.se', ['stockholm.se'])).toBe(true);
    expect(isAuthorityDomain('notstockholm.se', ['stockholm.se'])).toBe(false);
    const t = `${HEAD}Frågor: anna.andersson@stockholm.se eller registrator.sof@edu.stockholm.se. Klaganden skrev från kalle.k@gmail.com och kk@notstockholm.se.`;
    expect(findEmails(t).map((e) => e.text)).toEqual(['anna.andersson@stockholm.se', 'registrator.sof@edu.stockholm.se', 'kalle.k@gmail.com', 'kk@notstockholm.se']);
    expect(rulesOf(t).filter((r) => r.startsWith('private-email'))).toEqual(['private-email:kalle.k@gmail.com', 'private-email:kk@notstockholm.se']);
  });
});

describe('facts', () => {
  it('a date in the future', () => {
    const t = HEAD.replace('2026-03-02', '2027-01-15');
    expect(rulesOf(t)).toContain('date-future:2027-01-15');
    expect(rulesOf(HEAD)).not.toContain('date-future:2026-03-02');
  });
  it('a handläggare without phone', () => {
    const t = HEAD.replace('Telefon: 08-508 12 345\n', '');
    expect(rulesOf(t)).toContain('officer-phone-missing:Anna Andersson');
    expect(rulesOf(HEAD).some((r) => r.startsWith('officer-phone-missing'))).toBe(false);
  });
  it('inconsistent diarienummer', () => {
    const t = `${HEAD.replace('2026-03-02', '2026-03-02\nDnr SN 2026/123')}Se även beslut i ärende KS 2026/4. Ärendet har Dnr SN 2026/132.\n`;
    const f = checkDraft(t, { today: TODAY }).findings.filter((x) => x.rule === 'case-number-inconsistent');
    expect(f.map((x) => t.slice(x.start, x.end))).toEqual(['Dnr SN 2026/132']);
  });
  it('a remissvar whose proposal does not mention the remiss', () => {
    const ok = `Svar på remiss från kommunstyrelsen, Dnr KS 2026/105

Förvaltningens förslag till beslut

Socialnämnden godkänner förvaltningens tjänsteutlåtande som svar på remissen.

Ärendet

Motionen föreslår fler fältassistenter.
`;
    const bad = ok.replace('som svar på remissen', 'och beslutar att anställa fler fältassistenter');
    expect(checkDraft(ok, { today: TODAY }).analysis.document.kind).toBe('remissvar');
    expect(rulesOf(ok).some((r) => r.startsWith('remiss-not-mentioned'))).toBe(false);
    expect(checkDraft(bad, { today: TODAY }).analysis.document.kind).toBe('remissvar');
    expect(rulesOf(bad)).toContain('remiss-not-mentioned:Förvaltningens förslag till beslut');
  });
});

describe('citations the engine leaves to the check', () => {
  it('a law without SFS number at first mention, and an abbreviation before its definition', () => {
    const t = `${HEAD}Enligt 4 kap. 1 § SoL har den enskilde rätt till bistånd. Socialtjänstlagen (2025:400), SoL, gäller. Kommunallagen styr nämndens arbete; se 6 kap. 6 § kommunallagen (2017:725).

Avdelningen för individ- och familjeomsorg bereder. IoF har haft ärendet sedan januari. Individ- och familjeomsorgen (IoF) ansvarar. Sverigedemokraterna (SD) har väckt motionen; SD vill utreda.
`;
    const r = rulesOf(t).filter((x) => /sfs|abbreviation/.test(x));
    expect(r).toEqual(['abbreviation-before-definition:4 kap. 1 § SoL', 'law-without-sfs:Kommunallagen', 'abbreviation-before-definition:IoF']);
  });
});

describe('readability', () => {
  it('the LIX scale', () => {
    expect([12, 30, 39, 40, 50, 59, 60, 75].map((v) => lixLevel(v).label)).toEqual([
      'mycket lätt', 'lätt', 'lätt', 'medelsvår', 'svår', 'svår', 'mycket svår', 'mycket svår',
    ]);
  });
  it('a 41-word sentence is long, a 40-word one is not', () => {
    const w = (n: number) => `${Array.from({ length: n - 1 }, () => 'ord').join(' ')} slut.`;
    const t = `${w(40)}\n\n${w(41)}\n`;
    const f = checkDraft(t, { today: TODAY }).findings.filter((x) => x.rule === 'long-sentence');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('41 ord');
  });
});

describe('summary and ignores', () => {
  it('summary line', () => {
    expect(summaryLine({ error: 2, warning: 5, info: 0 }, { value: 48, label: 'medelsvår' })).toBe('2 fel, 5 varningar — LIX 48, medelsvår');
    expect(summaryLine({ error: 1, warning: 1, info: 1 }, { value: 62, label: 'mycket svår' })).toBe('1 fel, 1 varning, 1 upplysning — LIX 62, mycket svår');
    expect(summaryLine({ error: 0, warning: 2, info: 0 }, { value: 35, label: 'lätt' }, 'en')).toBe('0 errors, 2 warnings — LIX 35, easy');
  });
  it('ignore once and ignore a rule', () => {
    const t = `${HEAD}Ring 070-765 43 21 eller 031-12 34 56 (privat). Mejla kalle.k@gmail.com.\n`;
    const r = checkDraft(t, { today: TODAY });
    const phones = r.findings.filter((f) => f.rule === 'private-phone');
    expect(phones).toHaveLength(2);
    const once = applyIgnores(r, { once: [phones[0].id] });
    expect(once.findings.filter((f) => f.rule === 'private-phone')).toHaveLength(1);
    const rule = applyIgnores(r, { rules: ['private-phone', 'private-email'] });
    expect(rule.findings.some((f) => f.group === 'personal-data')).toBe(false);
    expect(rule.counts.warning).toBe(r.counts.warning - 3);
  });
  it('every rule is named in Swedish, ids are unique', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) expect(r.name.length > 3 && r.description.length > 10).toBe(true);
  });
});

describe('markdown drafts', () => {
  it('"## Bakgrund" headings are found, offsets kept', async () => {
    const { HAGERSTEN } = await import('./helpers');
    const { blankMarkdownHeadings, stripMarkdownHeadings } = await import('../../../lib/checks');
    const md = HAGERSTEN.replace(/^(Förvaltningens förslag till beslut|Sammanfattning|Bakgrund|Ärendet|Ärendets beredning|Förvaltningens synpunkter och förslag|Bilagor)$/gm, '## $1');
    const blanked = blankMarkdownHeadings(md);
    expect(blanked.length).toBe(md.length);
    const plain = checkDraft(HAGERSTEN, { today: TODAY });
    expect(checkDraft(blanked, { today: TODAY }).summary).toBe(plain.summary);
    expect(checkDraft(stripMarkdownHeadings(md), { today: TODAY }).summary).toBe(plain.summary);
    expect(stripMarkdownHeadings('## Bakgrund ##\ntext')).toBe('Bakgrund\ntext');
  });
});
