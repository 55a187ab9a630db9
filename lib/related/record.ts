/**
 * From an analysed document to the record the case index keeps: the facts
 * that connect it to other documents of the same case, and a fingerprint of
 * its text, never the text itself unless the user chose "spara texten".
 */
import type { AnalysisResult, Citation } from '../analysis/schema';
import { findCaseNumbers } from '../documents/case-numbers';
import { CASE_RECORD_VERSION, fingerprintOf, recordId, type CaseLawRef, type CaseRecord } from './schema';

export interface RecordSource {
  /** The page's address (for a PDF opened in the viewer: the viewer's address). */
  url?: string;
  /** The file name, when the user picked the document from disk. */
  fileName?: string;
}

export interface RecordOptions {
  /** Keep the full text ("spara texten"). */
  saveText: boolean;
  /** ISO date-time of this visit. */
  now: string;
}

/** At most this many referenced diarienummer per document (a protokoll lists many). */
const MAX_REFS = 60;

/**
 * A diarienummer as a comparison key: upper case, no "Dnr", single spaces,
 * no leading zeros in numbers, two-digit years widened ("SN 18/0098" →
 * "SN 2018/98"). "KS 2023/0105" and "KS 2023/105" are the same case.
 */
export function dnrKey(dnr: string): string {
  return dnr
    .toUpperCase()
    .replace(/^\s*(?:DNR|DIARIENUMMER|DIARIENR)\.?:?\s*/, '')
    .replace(/\s+/g, ' ')
    .replace(/^([A-ZÅÄÖ][A-ZÅÄÖ -]*?) ?(\d{2})\/(?=\d)/, (_m, letters: string, yy: string) => `${letters} 20${yy}/`)
    .replace(/([A-ZÅÄÖ])(\d{4}\/)/, '$1 $2')
    .replace(/\b0+(\d)/g, '$1')
    .trim();
}

/** "3 kap. 3 a §", "2–4 §§", "" for a whole law. */
export function provisionLabel(t: { chapter?: string; section?: string; sectionTo?: string }): string {
  const parts: string[] = [];
  if (t.chapter) parts.push(`${t.chapter} kap.`);
  if (t.section) parts.push(t.sectionTo ? `${t.section}–${t.sectionTo} §§` : `${t.section} §`);
  return parts.join(' ');
}

function lawsOf(citations: Citation[]): CaseLawRef[] {
  const out: CaseLawRef[] = [];
  const seen = new Set<string>();
  const add = (ref: CaseLawRef) => {
    const key = `${ref.sfs}|${ref.provision ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(ref);
  };
  for (const c of citations) {
    if (c.kind !== 'statute' || !c.law) continue;
    const name = c.law.abbreviation ?? c.law.title;
    const title = name !== c.law.title ? { title: c.law.title } : {};
    const provisions = (c.targets ?? []).map(provisionLabel).filter((p) => p.length > 0);
    if (provisions.length === 0) add({ sfs: c.law.sfs, name, ...title });
    for (const provision of provisions) add({ sfs: c.law.sfs, name, ...title, provision });
  }
  return out;
}

function uniqueByKey(list: string[], exclude: Set<string>): string[] {
  const out: string[] = [];
  for (const s of list) {
    const k = dnrKey(s);
    if (k.length === 0 || exclude.has(k)) continue;
    exclude.add(k);
    out.push(s.trim());
  }
  return out;
}

export function recordFromAnalysis(
  result: AnalysisResult,
  text: string,
  source: RecordSource,
  options: RecordOptions,
): CaseRecord {
  const doc = result.document;
  const seen = new Set<string>();
  const own = uniqueByKey(doc.caseNumbers.slice(0, 1), seen);
  const referred = uniqueByKey(
    [
      ...doc.caseNumbers.slice(1),
      ...result.citations.filter((c) => c.kind === 'case-number' && c.ref).map((c) => c.ref as string),
      ...findCaseNumbers(text).map((m) => m.ref),
    ],
    seen,
  ).slice(0, MAX_REFS);
  return {
    schema: CASE_RECORD_VERSION,
    id: recordId(source),
    ...(source.url ? { url: source.url } : {}),
    ...(source.fileName ? { fileName: source.fileName } : {}),
    kind: doc.kind,
    title: doc.title,
    date: doc.date,
    authority: doc.authority,
    caseNumbers: own,
    refCaseNumbers: referred,
    motion: doc.motion ? { title: doc.motion.title, authors: doc.motion.authors.map((a) => ({ ...a })) } : null,
    laws: lawsOf(result.citations),
    fingerprint: fingerprintOf(text),
    textLength: text.length,
    ...(options.saveText ? { text } : {}),
    firstSeen: options.now,
    lastSeen: options.now,
  };
}

/** A record seen again: the new facts, the first visit's date kept. */
export function mergeVisit(previous: CaseRecord | undefined, next: CaseRecord): CaseRecord {
  if (!previous) return next;
  return { ...next, firstSeen: previous.firstSeen < next.firstSeen ? previous.firstSeen : next.firstSeen };
}
