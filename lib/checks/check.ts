/**
 * The draft check (issue 8): `analyze()` plus the rules a draft needs before it
 * goes to the nämnd. Pure and synchronous, DOM- and Node-free.
 */
import { analyze, todayIso } from '../analysis/analyze';
import type { AnalysisResult, Problem, Severity } from '../analysis/schema';
import { HEADINGS } from '../documents/headings';
import { defaultRegistry } from '../laws/default';
import { loadProfile, profileForKind, ProfileError } from '../profiles';
import { abbreviationFindings, lawFindings } from './citations';
import { factFindings } from './facts';
import { DEFAULT_AUTHORITY_DOMAINS, personalDataFindings } from './personal';
import { readability as readabilityOf, type Splitter } from './readability';
import { RULES_BY_ID, type RuleGroup } from './rules';
import type { Counts, Finding, Readability } from './schema';
import type { RawFinding } from './types';

export interface CheckOptions {
  /** Built-in profile name or a profile object; default chosen from the kind. */
  profile?: string | unknown;
  /** ISO date used when the draft has no date of its own (resolves law names, repealed laws). */
  date?: string;
  /** Today's ISO date (for "date in the future"); default the local date. */
  today?: string;
  /** Sentence splitter for LIX and long sentences: compromise taught the Swedish abbreviations (default) or the engine's own. */
  splitter?: Splitter;
  /** E-mail domains that are the authority's (and their subdomains). Default: stockholm.se. */
  authorityDomains?: readonly string[];
}

export interface DraftReport {
  /** Errors first, then warnings, then notes; within a severity by place. */
  findings: Finding[];
  counts: Counts;
  /** "2 fel, 5 varningar — LIX 48, medelsvår" */
  summary: string;
  readability: Readability;
  /** Name of the profile applied, or null (unknown kind and none chosen). */
  profile: string | null;
  /** The engine's result the findings are built on (sections for navigation, citations …). */
  analysis: AnalysisResult;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const ENGINE_CODE_RULE: Record<string, string> = {
  'section-order': 'section-order',
  'empty-section': 'section-empty',
  'profile-error': 'profile',
  'repealed-law': 'repealed-law',
  'missing-chapter': 'missing-chapter',
  'unknown-section': 'unknown-section',
  'unknown-abbreviation': 'unknown-abbreviation',
  'unknown-law': 'unknown-law',
  'ambiguous-law': 'ambiguous-law',
  'undated-law': 'undated-law',
};

const ELEMENT_RULE: Record<string, string> = {
  datum: 'date-missing',
  diarienummer: 'case-number-missing',
  handlaggare: 'officer-missing',
};

function lawName(sfs: string): string {
  const info = defaultRegistry().get(sfs);
  const name = info?.names[0];
  const t = name && !name.startsWith('lagen ') ? name : (info?.title ?? `SFS ${sfs}`);
  return `${t.charAt(0).toLowerCase()}${t.slice(1)} (${sfs})`;
}

function engineFindings(result: AnalysisResult, profileHeadingIds: Set<string>): RawFinding[] {
  const out: RawFinding[] = [];
  const sectionIds = new Set([...HEADINGS.map((h) => h.id), ...profileHeadingIds]);
  for (const m of result.missingSections) {
    const element = ELEMENT_RULE[m.id];
    const isSection = !element && sectionIds.has(m.id);
    const rule = element ?? (isSection ? (m.severity === 'error' ? 'section-missing' : 'section-recommended') : 'element-missing');
    out.push({
      rule,
      code: 'missing-section',
      severity: m.severity,
      message: `${isSection ? (m.severity === 'error' ? 'Avsnittet saknas' : 'Avsnittet bör finnas') : m.severity === 'error' ? 'Uppgiften saknas' : 'Uppgiften bör finnas'}: ${m.label}. ${m.reason}`,
      suggestion: isSection ? `Lägg till avsnittet "${m.label}".` : `Lägg till: ${m.label}.`,
    });
  }
  for (const p of result.problems) {
    if (p.code === 'missing-section') continue; // from missingSections above, with its id
    const rule = ENGINE_CODE_RULE[p.code] ?? 'citation-other';
    const f: RawFinding = { rule, code: p.code, severity: p.severity, message: p.message };
    if (p.start !== undefined && p.end !== undefined) {
      f.start = p.start;
      f.end = p.end;
    }
    if (p.code === 'repealed-law') {
      const c = result.citations.find((x) => x.start === p.start && x.law?.status === 'repealed');
      if (c?.law?.replacedBy) f.suggestion = `Hänvisa till ${lawName(c.law.replacedBy)} och kontrollera motsvarande bestämmelse där.`;
    } else if (p.code === 'missing-chapter') {
      f.suggestion = 'Skriv ut kapitlet, t.ex. "3 kap. 7 §".';
    } else if (p.code === 'unknown-abbreviation') {
      f.suggestion = 'Skriv ut lagens namn och SFS-nummer.';
    } else if (p.code === 'unknown-law') {
      f.suggestion = 'Skriv ut lagens SFS-nummer, t.ex. "lagen (2009:724) om nationella minoriteter och minoritetsspråk".';
    } else if (p.code === 'section-order') {
      f.suggestion = 'Flytta avsnittet enligt mallens ordning.';
    }
    out.push(f);
  }
  return out;
}

export function countFindings(findings: readonly Pick<Finding, 'severity'>[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 fel, 5 varningar — LIX 48, medelsvår" (notes only when there are any). */
export function summaryLine(counts: Counts, lix: Pick<Readability, 'value' | 'label'>, locale: 'sv' | 'en' = 'sv'): string {
  const parts =
    locale === 'en'
      ? [plural(counts.error, 'error', 'errors'), plural(counts.warning, 'warning', 'warnings'), ...(counts.info ? [plural(counts.info, 'note', 'notes')] : [])]
      : [plural(counts.error, 'fel', 'fel'), plural(counts.warning, 'varning', 'varningar'), ...(counts.info ? [plural(counts.info, 'upplysning', 'upplysningar')] : [])];
  const lixPart = lix.value === null ? (locale === 'en' ? 'LIX –' : 'LIX –') : `LIX ${lix.value}, ${locale === 'en' ? LIX_EN[lix.label ?? ''] ?? lix.label : lix.label}`;
  return `${parts.join(', ')} — ${lixPart}`;
}

const LIX_EN: Record<string, string> = {
  'mycket lätt': 'very easy',
  lätt: 'easy',
  medelsvår: 'medium',
  svår: 'difficult',
  'mycket svår': 'very difficult',
};

function finish(text: string, raw: RawFinding[]): Finding[] {
  const sorted = [...raw].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER) ||
      a.rule.localeCompare(b.rule),
  );
  const seen = new Map<string, number>();
  return sorted.map((f) => {
    const group: RuleGroup = RULES_BY_ID.get(f.rule)?.group ?? 'citations';
    const excerpt = f.start !== undefined && f.end !== undefined ? text.slice(f.start, f.end).replace(/\s+/g, ' ').slice(0, 60) : f.message.slice(0, 60);
    const base = `${f.rule}|${f.code}|${excerpt}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { id: `${base}|${n}`, group, ...f };
  });
}

/** Check a draft. Findings are offsets into `text`. */
export function checkDraft(text: string, options: CheckOptions = {}): DraftReport {
  const analysis = analyze(text, { date: options.date, profile: options.profile });
  const today = options.today ?? todayIso();
  let profileName: string | null = null;
  let profileHeadings = new Set<string>();
  try {
    const p =
      options.profile !== undefined && options.profile !== null && options.profile !== ''
        ? loadProfile(options.profile)
        : profileForKind(analysis.document.kind);
    // the engine names the profile it applied (protokollsutdrag and the like) when its version does
    profileName = (analysis as { profile?: string }).profile ?? p?.name ?? null;
    profileHeadings = new Set(p?.headings.map((h) => h.id) ?? []);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e; // reported by the engine as profile-error
  }
  const { readability, findings: readFindings } = readabilityOf(text, analysis.sections, options.splitter ?? 'compromise');
  const raw: RawFinding[] = [
    ...engineFindings(analysis, profileHeadings),
    ...lawFindings(text, analysis.citations),
    ...abbreviationFindings(text, analysis.citations),
    ...personalDataFindings(text, analysis.document, analysis.sections, options.authorityDomains ?? DEFAULT_AUTHORITY_DOMAINS),
    ...factFindings(text, analysis, today),
    ...readFindings,
  ];
  const findings = finish(text, raw);
  const counts = countFindings(findings);
  return { findings, counts, summary: summaryLine(counts, readability), readability, profile: profileName, analysis };
}

export interface Ignores {
  /** Rule ids ignored everywhere. */
  rules?: readonly string[];
  /** Finding ids ignored once. */
  once?: readonly string[];
}

/** The report without ignored findings, counts and summary recomputed. */
export function applyIgnores(report: DraftReport, ignores: Ignores, locale: 'sv' | 'en' = 'sv'): DraftReport {
  const rules = new Set(ignores.rules ?? []);
  const once = new Set(ignores.once ?? []);
  const findings = report.findings.filter((f) => !rules.has(f.rule) && !once.has(f.id));
  const counts = countFindings(findings);
  return { ...report, findings, counts, summary: summaryLine(counts, report.readability, locale) };
}

/** True when an error-level finding remains. */
export function hasErrorFindings(findings: readonly Pick<Problem, 'severity'>[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
