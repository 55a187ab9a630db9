import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DraftReport } from '../../../lib/checks';

export const SEEDS = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/seeds');
export const HAGERSTEN = readFileSync(join(SEEDS, 'stockholm-hagersten-alvsjo-yttrande-vallingbyteamet.txt'), 'utf8');
export const SOCIAL = readFileSync(join(SEEDS, 'stockholm-socialnamnden-remissvar-faltassistenter.txt'), 'utf8');
/** Fixed "today" so that the date rules do not depend on when the tests run. */
export const TODAY = '2026-11-25';

/** A finding as "severity rule/code «the text it marks»" (or the start of its message when it has no place). */
export function keys(report: DraftReport, text: string): string[] {
  return report.findings
    .map((f) => {
      const where = f.start !== undefined && f.end !== undefined ? text.slice(f.start, f.end).replace(/\s+/g, ' ').slice(0, 50) : `(${f.message.split('. ')[0]})`;
      return `${f.severity} ${f.rule}/${f.code} «${where}»`;
    })
    .sort();
}

/** Multiset difference a − b. */
export function minus(a: string[], b: string[]): string[] {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

/** Replace exactly one occurrence of `find` (fails loudly when it is not there once). */
export function replaceOnce(text: string, find: string, by: string): string {
  const i = text.indexOf(find);
  if (i < 0 || text.indexOf(find, i + 1) >= 0) throw new Error(`"${find.slice(0, 40)}" finns inte exakt en gång`);
  return text.slice(0, i) + by + text.slice(i + find.length);
}

/** Remove a section: from its heading line up to the next heading `nextHeading`. */
export function removeSection(text: string, heading: string, nextHeading: string): string {
  const s = text.indexOf(`\n${heading}\n`);
  const e = text.indexOf(`\n${nextHeading}\n`, s + 1);
  if (s < 0 || e < 0) throw new Error(`avsnittet ${heading} hittades inte`);
  return text.slice(0, s) + text.slice(e);
}
