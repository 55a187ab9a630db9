/**
 * Diarienummer ("Dnr KS 2023/105", "dnr SN 2023/0456", "KS 2023/105").
 * Shared by document facts (caseNumbers) and the citation engine (kind "case-number").
 */
export interface CaseNumberMatch {
  start: number;
  end: number;
  /** The matched text, as written (prefix "Dnr" included when present). */
  text: string;
  /** Normalised, without "Dnr": "KS 2023/105". */
  ref: string;
}

// Registry prefix of 1–4 upper-case letters, optional second part ("SDN HÄ"), year, serial.
const CASE_NUMBER =
  /(?:\b[Dd]nr\.?:?\s*)?\b([A-ZÅÄÖ]{1,6}(?:[- ][A-ZÅÄÖ]{1,4})?)\s?((?:19|20)\d{2})\/(\d{1,6})(?:-\d{1,4})?\b/g;

export function findCaseNumbers(text: string): CaseNumberMatch[] {
  const out: CaseNumberMatch[] = [];
  for (const m of text.matchAll(CASE_NUMBER)) {
    const start = m.index;
    const matched = m[0];
    out.push({ start, end: start + matched.length, text: matched, ref: `${m[1]} ${m[2]}/${m[3]}` });
  }
  return out;
}
