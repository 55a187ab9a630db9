import { findCitations, type FindCitationsOptions } from '../citations';
import { analyzeDocument, type ImpliedDate } from '../documents';
import { SCHEMA_VERSION, type AnalysisResult, type AnalyzeOptions, type Problem } from './schema';

const SEVERITY_ORDER: Record<Problem['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Today's date as ISO (local time), the fallback reference date. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The date laws are read at: the document's own, else the caller's (--date), else the meeting the
 * document was written for, else the year of its number (its last day, or today in this year: not a
 * known date, and the messages say where it came from), else today's.
 */
export function citationDate(own: string | null, implied: ImpliedDate | null, today: string): FindCitationsOptions {
  if (own !== null) return { date: own, dateKnown: true };
  if (implied && implied.iso.slice(0, 4) <= today.slice(0, 4)) {
    const date = implied.iso < today ? implied.iso : today;
    if (implied.exact) return { date, dateKnown: true };
    return { date, dateKnown: false, implied: { basis: implied.basis, since: `${date.slice(0, 4)}-01-01` } };
  }
  return { date: today, dateKnown: false };
}

/**
 * Analyse one document's text. Pure and synchronous: the same text and
 * options give the same result anywhere (content script, worker, Node).
 */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const doc = analyzeDocument(text, { profile: options.profile });
  const cites = findCitations(text, citationDate(doc.document.date ?? options.date ?? null, doc.impliedDate ?? null, todayIso()));
  const problems = [...doc.problems, ...cites.problems].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER),
  );
  return {
    schemaVersion: SCHEMA_VERSION,
    ...(doc.profile ? { profile: doc.profile } : {}),
    document: doc.document,
    sections: doc.sections,
    missingSections: doc.missingSections,
    citations: cites.citations,
    problems,
  };
}
