/**
 * The analysis as a readable Swedish report — plain text (the CLI, "Kopiera
 * som text") or Markdown (the panel's export) — and the grouping of
 * references that the report and the side panel share.
 */
import type { AnalysisResult, Citation, CitationKind, DocumentKind, Problem } from '../analysis/schema';

export const DOCUMENT_KIND_LABEL: Record<DocumentKind, string> = {
  motion: 'motion',
  remiss: 'remiss',
  remissvar: 'remissvar',
  tjansteutlatande: 'tjänsteutlåtande',
  protokoll: 'protokoll',
  skrivelse: 'skrivelse',
  unknown: 'okänd',
};

export const CITATION_GROUP_LABEL: Record<CitationKind, string> = {
  statute: 'Lagar',
  preparatory: 'Förarbeten',
  'case-law': 'Rättspraxis',
  eu: 'EU-rätt',
  regulation: 'Föreskrifter',
  'case-number': 'Diarienummer',
};

export const SEVERITY_LABEL: Record<Problem['severity'], string> = {
  error: 'Fel',
  warning: 'Varningar',
  info: 'Information',
};

export interface CitationGroup {
  /** Stable key: the SFS number for a law, else the kind. */
  key: string;
  kind: CitationKind;
  /** "Socialtjänstlag (2001:453)", "Förarbeten" … */
  label: string;
  law?: Citation['law'];
  citations: Citation[];
  /** Citations in the group that carry a problem. */
  problemCount: number;
}

/** One line for a law: "Socialtjänstlag (2001:453) [SoL] – upphävd 2025-07-01, ersatt av 2025:400". */
export function lawHeading(law: NonNullable<Citation['law']>): string {
  const status =
    law.status === 'repealed'
      ? ` – upphävd${law.repealedOn ? ` ${law.repealedOn}` : ''}${law.replacedBy ? `, ersatt av ${law.replacedBy}` : ''}`
      : '';
  return `${law.title} (${law.sfs})${law.abbreviation ? ` [${law.abbreviation}]` : ''}${status}`;
}

/**
 * References grouped by law (statutes) or by kind (everything else); groups
 * with problems first, then by kind, then in order of first mention.
 */
export function groupCitations(citations: Citation[]): CitationGroup[] {
  const groups = new Map<string, CitationGroup>();
  const kindOrder = Object.keys(CITATION_GROUP_LABEL) as CitationKind[];
  for (const c of citations) {
    const key = c.kind === 'statute' ? (c.law?.sfs ?? 'statute:unknown') : c.kind;
    let g = groups.get(key);
    if (!g) {
      const label = c.kind === 'statute' ? (c.law ? `${c.law.title} (${c.law.sfs})` : 'Lag som inte kunde bestämmas') : CITATION_GROUP_LABEL[c.kind];
      g = { key, kind: c.kind, label, law: c.law, citations: [], problemCount: 0 };
      groups.set(key, g);
    }
    g.citations.push(c);
    if (c.problems?.length) g.problemCount++;
  }
  const order = [...groups.values()];
  return order
    .map((g, i) => ({ g, i }))
    .sort(
      (a, b) =>
        Number(b.g.problemCount > 0) - Number(a.g.problemCount > 0) ||
        kindOrder.indexOf(a.g.kind) - kindOrder.indexOf(b.g.kind) ||
        a.i - b.i,
    )
    .map(({ g }) => g);
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** Markdown-safe inline text. */
const md = (s: string) => oneLine(s).replace(/([\\`*_[\]<>|#])/g, '\\$1');

export interface ReportOptions {
  format?: 'text' | 'markdown';
  /** The analysed text, for line numbers ("rad 12"); without it places are left out. */
  text?: string;
  /** What the report is about when the result has no `file`: a page title or address. */
  source?: string;
}

function formatMarkdown(result: AnalysisResult, options: ReportOptions): string {
  const lineOf = options.text !== undefined ? lineIndex(options.text) : null;
  const where = (offset: number | undefined) => (lineOf && offset !== undefined ? ` (rad ${lineOf(offset)})` : '');
  const d = result.document;
  const out: string[] = [];
  const field = (label: string, value: string | null | undefined) => out.push(`- **${label}:** ${value ? md(value) : '–'}`);

  out.push(`# Remisskollen – ${md(result.file ?? options.source ?? d.title ?? 'dokument')}`, '');
  const confidence = d.kind === 'unknown' ? '' : ` (säkerhet ${Math.round(d.confidence * 100)} %)`;
  field('Dokumenttyp', `${DOCUMENT_KIND_LABEL[d.kind]}${confidence}`);
  for (const e of d.evidence) out.push(`  - ${md(e)}`);
  field('Titel', d.title);
  field('Datum', d.date);
  field('Diarienummer', d.caseNumbers.length ? d.caseNumbers.join(', ') : null);
  field('Nämnd', d.authority);
  field('Handläggare', d.officer ? d.officer.name + (d.officer.phone ? `, tfn ${d.officer.phone}` : '') : null);
  const authors = d.motion?.authors.map((a) => `${a.name} (${a.party})`).join(', ');
  field('Motion', d.motion ? [d.motion.title ?? 'utan titel', authors].filter(Boolean).join(' – ') : null);
  if (d.proposals.length) {
    out.push('', '## Förslag till beslut', '');
    d.proposals.forEach((p, i) => out.push(`${i + 1}. ${md(p)}`));
  }

  out.push('', '## Avsnitt', '');
  for (const s of result.sections) out.push(`- ✓ ${md(s.heading)}${where(s.start)}`);
  for (const m of result.missingSections) {
    out.push(`- ✗ **${md(m.label)} saknas** (${m.severity === 'error' ? 'fel' : 'varning'}): ${md(m.reason)}`);
  }
  if (!result.sections.length && !result.missingSections.length) out.push('Inga hittade.');

  out.push('', '## Problem', '');
  for (const sev of ['error', 'warning', 'info'] as const) {
    const list = result.problems.filter((p) => p.severity === sev);
    if (!list.length) continue;
    out.push(`- **${SEVERITY_LABEL[sev]} (${list.length})**`);
    for (const p of list) out.push(`  - ${md(p.message)}${where(p.start)} \`${p.code}\``);
  }
  if (!result.problems.length) out.push('Inga.');

  out.push('', `## Hänvisningar (${result.citations.length})`, '');
  for (const g of groupCitations(result.citations)) {
    out.push(`- **${md(g.law ? lawHeading(g.law) : g.label)}** — ${g.citations.length}`);
    for (const c of g.citations) {
      const ref = c.ref && c.ref !== oneLine(c.text) ? ` → ${md(c.ref)}` : '';
      const links = (c.links ?? []).map((l) => `[${md(l.label)}](${l.url})`).join(', ');
      out.push(`  - ${md(c.text)}${ref}${where(c.start)}${links ? ` — ${links}` : ''}`);
      for (const p of c.problems ?? []) out.push(`    - ⚠ ${md(p.message)} \`${p.code}\``);
    }
  }
  if (!result.citations.length) out.push('Inga hittade.');

  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of result.problems) counts[p.severity]++;
  out.push('', `${summary(counts, result.citations.length)}`);
  return out.join('\n') + '\n';
}

function summary(counts: Record<Problem['severity'], number>, citations: number): string {
  return `Summa: ${plural(counts.error, 'fel', 'fel')}, ${plural(counts.warning, 'varning', 'varningar')}, ${plural(
    citations,
    'hänvisning',
    'hänvisningar',
  )}.`;
}

/** The report as plain text (the CLI) or Markdown (export from the panel). */
export function formatReport(result: AnalysisResult, options: ReportOptions = {}): string {
  return options.format === 'markdown' ? formatMarkdown(result, options) : formatText(result, options);
}

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


function formatText(result: AnalysisResult, options: ReportOptions): string {
  const lineOf = lineIndex(options.text ?? '');
  const at = (offset: number) => (options.text !== undefined ? ` (rad ${lineOf(offset)})` : '');
  const d = result.document;
  const out: string[] = [];
  const field = (label: string, value: string | null | undefined) => out.push(`${(label + ':').padEnd(14)}${value ?? '–'}`);

  out.push(`Remisskollen – ${result.file ?? options.source ?? 'dokument'}`);
  out.push('='.repeat(Math.min(72, out[0].length)));
  const confidence = d.kind === 'unknown' ? '' : ` (säkerhet ${Math.round(d.confidence * 100)} %)`;
  field('Dokumenttyp', `${DOCUMENT_KIND_LABEL[d.kind]}${confidence}`);
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
    for (const s of result.sections) out.push(`  ✓ ${oneLine(s.heading)}${at(s.start)}`);
    for (const m of result.missingSections) {
      out.push(`  ✗ ${m.label} saknas (${m.severity === 'error' ? 'fel' : 'varning'}): ${oneLine(m.reason)}`);
    }
  } else out.push('Avsnitt: inga hittade');

  out.push('');
  if (result.citations.length === 0) out.push('Hänvisningar: inga hittade');
  else {
    out.push(`Hänvisningar (${result.citations.length}):`);
    for (const kind of Object.keys(CITATION_GROUP_LABEL) as Citation['kind'][]) {
      const cites = result.citations.filter((c) => c.kind === kind);
      if (!cites.length) continue;
      out.push(`  ${CITATION_GROUP_LABEL[kind]}`);
      if (kind === 'statute') {
        // Grouped by SFS number, in order of first mention.
        const groups = new Map<string, Citation[]>();
        for (const c of cites) {
          const key = c.law?.sfs ?? '';
          groups.set(key, [...(groups.get(key) ?? []), c]);
        }
        for (const list of groups.values()) {
          const law = list.find((c) => c.law)?.law;
          const heading = law ? lawHeading(law) : 'Lag som inte kunde bestämmas';
          out.push(`    ${heading}`);
          for (const c of list) out.push(...citationLines(c, at, '      '));
        }
      } else {
        for (const c of cites) out.push(...citationLines(c, at, '    '));
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
        const where = p.start !== undefined ? at(p.start) : '';
        out.push(`  – ${oneLine(p.message)}${where} [${p.code}]`);
      }
    }
  }
  out.push('', summary(counts, result.citations.length));
  return out.join('\n') + '\n';
}

function citationLines(c: Citation, at: (o: number) => string, indent: string): string[] {
  const ref = c.ref && c.ref !== oneLine(c.text) ? ` → ${c.ref}` : '';
  const lines = [`${indent}${oneLine(c.text)}${ref}${at(c.start)}`];
  for (const p of c.problems ?? []) lines.push(`${indent}  ! ${oneLine(p.message)} [${p.code}]`);
  const official = c.links?.[0];
  if (official) lines.push(`${indent}  ${official.url}`);
  return lines;
}
