import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../../lib';
import { formatReport, groupCitations } from '../../lib/report';

const seed = (name: string) => readFileSync(`tests/fixtures/seeds/${name}.txt`, 'utf8');
const HAGERSTEN = seed('stockholm-hagersten-alvsjo-yttrande-vallingbyteamet');
const SOCIAL = seed('stockholm-socialnamnden-remissvar-faltassistenter');

describe('the Markdown report (the panel export)', () => {
  it('gives the Hägersten-Älvsjö seed its facts, the missing Jämställdhetsanalys and the summary', () => {
    const result = analyze(HAGERSTEN);
    const report = formatReport(result, { format: 'markdown', source: 'Vällingbyteamet' });
    expect(report.startsWith('# Remisskollen – Vällingbyteamet\n')).toBe(true);
    expect(report).toContain('- **Datum:** 2023-08-24');
    expect(report).toContain('- **Handläggare:** Linda Lindblom, tfn 08-50822310');
    expect(report).toMatch(/- ✗ \*\*Jämställdhetsanalys saknas\*\* \(fel\)/);
    expect(report).toContain('## Avsnitt');
    expect(report).toMatch(/Summa: \d+ fel, \d+ varning(ar)?, \d+ hänvisning(ar)?\./);
  });

  it('lists the OCR seed’s references under their law with links and problems', () => {
    const result = analyze(SOCIAL);
    const report = formatReport(result, { format: 'markdown', text: SOCIAL });
    expect(report).toContain('**Socialtjänstlag (2001:453) \\[SoL\\] – upphävd 2025-07-01, ersatt av 2025:400** — 2');
    expect(report).toMatch(/\[[^\]]+\]\(https:\/\/lagen\.nu\/2001:453#K3P3a\)/);
    expect(report).toContain('`missing-chapter`');
    // Markdown specials in the text are escaped, not interpreted.
    const hostile = formatReport(analyze('Tjänsteutlåtande\n\n# rubrik *fet* [länk](javascript:alert(1))'), { format: 'markdown' });
    expect(hostile).toContain('\\[länk\\](javascript');
    expect(hostile).not.toMatch(/[^\\]\]\(javascript:/);
  });
});

describe('groupCitations', () => {
  it('puts groups with problems first and counts each law once', () => {
    const result = analyze(SOCIAL);
    const groups = groupCitations(result.citations);
    expect(groups[0].problemCount).toBeGreaterThan(0);
    const sol = groups.filter((g) => g.key === '2001:453');
    expect(sol).toHaveLength(1);
    expect(sol[0].citations.length).toBe(result.citations.filter((c) => c.law?.sfs === '2001:453').length);
  });
});
