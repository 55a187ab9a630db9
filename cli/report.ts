/**
 * The readable Swedish report the CLI prints without --json. Works on any
 * result that satisfies the contract, from the shallow one (kind unknown,
 * nothing found) to a full one.
 */
import type { AnalysisResult, Citation, DocumentKind, Problem } from '../lib/analysis/schema';

const KIND_LABEL: Record<DocumentKind, string> = {
  motion: 'motion',
  remiss: 'remiss',
  remissvar: 'remissvar',
  tjansteutlatande: 'tjänsteutlåtande',
  protokoll: 'protokoll',
  skrivelse: 'skrivelse',
  unknown: 'okänd',
};

const CITATION_GROUP: Record<Citation['kind'], string> = {
  statute: 'Lagar',
  preparatory: 'Förarbeten',
  'case-law': 'Rättspraxis',
  eu: 'EU-rätt',
  regulation: 'Föreskrifter',
  'case-number': 'Diarienummer',
};

const SEVERITY_LABEL: Record<Problem['severity'], string> = {
  error: 'Fel',
  warning: 'Varningar',
  info: 'Information',
};

/** 1-based line number of an offset. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function formatReport(result: AnalysisResult, text: string): string {
  const lineOf = lineIndex(text);
  const d = result.document;
  const out: string[] = [];
  const field = (label: string, value: string | null | undefined) => out.push(`${(label + ':').padEnd(14)}${value ?? '–'}`);

  out.push(`Remisskollen – ${result.file ?? 'dokument'}`);
  out.push('='.repeat(Math.min(72, out[0].length)));
  const confidence = d.kind === 'unknown' ? '' : ` (säkerhet ${Math.round(d.confidence * 100)} %)`;
  field('Dokumenttyp', `${KIND_LABEL[d.kind]}${confidence}`);
  for (const e of d.evidence) out.push(`${' '.repeat(14)}– ${e}`);
  field('Titel', d.title);
  field('Datum', d.date);
  field('Diarienummer', d.caseNumbers.length ? d.caseNumbers.join(', ') : null);
  field('Nämnd', d.authority);
  field('Handläggare', d.officer ? d.officer.name + (d.officer.phone ? `, tfn ${d.officer.phone}` : '') : null);
  if (d.motion) {
    const authors = d.motion.authors.map((a) => `${a.name} (${a.party})`).join(', ');
    field('Motion', [d.motion.title ?? 'utan titel', authors].filter(Boolean).join(' – '));
  } else field('Motion', null);
  if (d.proposals.length) {
    out.push('Förslag till beslut:');
    d.proposals.forEach((p, i) => out.push(`  ${i + 1}. ${oneLine(p)}`));
  }

  out.push('');
  if (result.sections.length || result.missingSections.length) {
    out.push('Avsnitt:');
    for (const s of result.sections) out.push(`  ✓ ${oneLine(s.heading)} (rad ${lineOf(s.start)})`);
    for (const m of result.missingSections) {
      out.push(`  ✗ ${m.label} saknas (${m.severity === 'error' ? 'fel' : 'varning'}): ${oneLine(m.reason)}`);
    }
  } else out.push('Avsnitt: inga hittade');

  out.push('');
  if (result.citations.length === 0) out.push('Hänvisningar: inga hittade');
  else {
    out.push(`Hänvisningar (${result.citations.length}):`);
    for (const kind of Object.keys(CITATION_GROUP) as Citation['kind'][]) {
      const cites = result.citations.filter((c) => c.kind === kind);
      if (!cites.length) continue;
      out.push(`  ${CITATION_GROUP[kind]}`);
      if (kind === 'statute') {
        // Grouped by SFS number, in order of first mention.
        const groups = new Map<string, Citation[]>();
        for (const c of cites) {
          const key = c.law?.sfs ?? '';
          groups.set(key, [...(groups.get(key) ?? []), c]);
        }
        for (const list of groups.values()) {
          const law = list.find((c) => c.law)?.law;
          const heading = law
            ? `${law.title} (${law.sfs})${law.abbreviation ? ` [${law.abbreviation}]` : ''}${
                law.status === 'repealed'
                  ? ` – upphävd${law.repealedOn ? ` ${law.repealedOn}` : ''}${law.replacedBy ? `, ersatt av ${law.replacedBy}` : ''}`
                  : ''
              }`
            : 'Lag som inte kunde bestämmas';
          out.push(`    ${heading}`);
          for (const c of list) out.push(...citationLines(c, lineOf, '      '));
        }
      } else {
        for (const c of cites) out.push(...citationLines(c, lineOf, '    '));
      }
    }
  }

  out.push('');
  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of result.problems) counts[p.severity]++;
  if (result.problems.length === 0) out.push('Problem: inga');
  else {
    for (const sev of ['error', 'warning', 'info'] as const) {
      const list = result.problems.filter((p) => p.severity === sev);
      if (!list.length) continue;
      out.push(`${SEVERITY_LABEL[sev]} (${list.length}):`);
      for (const p of list) {
        const where = p.start !== undefined ? ` (rad ${lineOf(p.start)})` : '';
        out.push(`  – ${oneLine(p.message)}${where} [${p.code}]`);
      }
    }
  }
  out.push('');
  out.push(
    `Summa: ${plural(counts.error, 'fel', 'fel')}, ${plural(counts.warning, 'varning', 'varningar')}, ${plural(
      result.citations.length,
      'hänvisning',
      'hänvisningar',
    )}.`,
  );
  return out.join('\n') + '\n';
}

function citationLines(c: Citation, lineOf: (o: number) => number, indent: string): string[] {
  const ref = c.ref && c.ref !== oneLine(c.text) ? ` → ${c.ref}` : '';
  const lines = [`${indent}${oneLine(c.text)}${ref} (rad ${lineOf(c.start)})`];
  for (const p of c.problems ?? []) lines.push(`${indent}  ! ${oneLine(p.message)} [${p.code}]`);
  const official = c.links?.[0];
  if (official) lines.push(`${indent}  ${official.url}`);
  return lines;
}
