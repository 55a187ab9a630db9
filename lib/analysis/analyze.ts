import { findCitations } from '../citations';
import { analyzeDocument } from '../documents';
import { SCHEMA_VERSION, type AnalysisResult, type AnalyzeOptions, type Problem } from './schema';

const SEVERITY_ORDER: Record<Problem['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Today's date as ISO (local time), the fallback reference date. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Analyse one document's text. Pure and synchronous: the same text and
 * options give the same result anywhere (content script, worker, Node).
 */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const doc = analyzeDocument(text, { profile: options.profile });
  const ownDate = doc.document.date ?? options.date ?? null;
  const cites = findCitations(text, { date: ownDate ?? todayIso(), dateKnown: ownDate !== null });
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
