/**
 * Diarienummer in the formats Swedish councils use:
 *   "Dnr KS 2023/105", "SN 2019/0055", "SN 18/0098", "KS 2003/0520-85"   (registry letters, year/serial)
 *   "2024/KS 0107", "2023/VN 0010 004"                                   (Tyresö: year/registry serial)
 *   "Dnr 328-1720/2012", "316-259/2012"                                  (Stockholm KS before 2019)
 *   "Dnr 1.5.1-135-2012", "Dnr: 2.6-335-2013", "Dnr 1.6-0029/2011"       (classification-serial-year)
 *   "Dnr 2012-130-2.1.1", "dnr T 2010-313-01743"                          (year-serial-classification)
 *   "remiss (2023/310)"                                                   (KS, new format, bare in parentheses)
 * Shared by document facts (caseNumbers) and the citation engine (kind "case-number").
 * All patterns are linear: bounded quantifiers, no nested repetition.
 */
export interface CaseNumberMatch {
  start: number;
  end: number;
  /** The matched text, as written (prefix "Dnr" included when present). */
  text: string;
  /** Normalised, without "Dnr": "KS 2023/105". */
  ref: string;
}

const DNR = String.raw`(?:\b(?:[Dd]nr|DNR|[Dd]iarienummer|DIARIENUMMER|[Dd]iarienr)\.?:?\s{0,3})`;
const YEAR4 = String.raw`(?:19|20)\d{2}`;

// Registry letters + year/serial: "KS 2023/105", "SN 18/0098", "KS 2003/0520-85", "SDN HÄ 2023/12"
const LETTERS_YEAR = new RegExp(
  String.raw`(${DNR})?\b([A-ZÅÄÖ]{1,6}(?:[- ][A-ZÅÄÖ]{1,4})?)\s?(${YEAR4}|\d{2})\/(\d{1,6})(-\d{1,4})?(?![\d/])`,
  'g',
);
// Year/registry serial: "2024/KS 0107", "2023/VN 0010 004" (with or without Dnr). Run as the
// number only (it starts with a digit, so the regex scans fast), then the "Dnr" before it is
// looked for: the same matches as (${DNR})?… since a "Dnr" prefix has no digits.
const YEAR_LETTERS = new RegExp(String.raw`\b(${YEAR4})\/([A-ZÅÄÖ]{1,5})\s(\d{3,5}(?:\s\d{3})?)(?!\d)`, 'g');
// Stockholm KS pre-2019 "328-1720/2012" (with or without Dnr; the same way)
const OLD_KS = new RegExp(String.raw`(?<![\d.\-/])(\d{3}-\d{1,5}\/${YEAR4})(?![\d/])`, 'g');
/** A "Dnr" prefix ending where a number starts (at most 17 characters). */
const DNR_BEFORE = new RegExp(String.raw`${DNR}$`);
/** Start of the "Dnr" prefix that ends at `at`, else `at`. */
function dnrStart(text: string, at: number): number {
  const from = Math.max(0, at - 40);
  const m = DNR_BEFORE.exec(text.slice(from, at));
  return m ? from + m.index : at;
}
// After an explicit "Dnr": classification/serial/year in any order: "1.5.1-135-2012", "2012-130-2.1.1",
// "1.6-0029/2011", "T 2010-313-01743", "2012- 182-3.1"
const AFTER_DNR = new RegExp(
  String.raw`${DNR}((?:[A-ZÅÄÖ]{1,4}\s)?\d{1,4}(?:[.\-/]\s?\d{1,6}){1,5})`,
  'g',
);
// Bare "(2023/310)" right after remiss/ärende/dnr
// (matched from the "(", which the regex can scan for; the number is group 1)
const BARE_PAREN = new RegExp(String.raw`\((?<=\b(?:[Rr]emiss|[Rr]emissen|ärende|ärendet|[Dd]nr)\s{1,3}\()(${YEAR4}\/\d{1,6})(?=\))`, 'g');

export function findCaseNumbers(text: string): CaseNumberMatch[] {
  const out: CaseNumberMatch[] = [];
  // Matches of an earlier pattern win; within one pattern matches never overlap, so a
  // new match is checked (binary search) against the matches of the earlier patterns only.
  let prior: CaseNumberMatch[] = [];
  const nextPattern = () => {
    prior = out.slice().sort((a, b) => a.start - b.start);
  };
  const add = (start: number, matched: string, ref: string) => {
    const end = start + matched.length;
    let lo = 0;
    let hi = prior.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (prior[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    // prior is sorted by start and its items do not overlap, so ends are sorted too.
    if (lo < prior.length && prior[lo].start < end) return;
    out.push({ start, end, text: matched, ref });
  };
  for (const m of text.matchAll(LETTERS_YEAR)) {
    const [, dnr, letters, year, serial, suffix] = m;
    // a lone capital letter is only a registry prefix after "Dnr" ("I 2023/24 års budget" is not one)
    if (!dnr && letters.length < 2) continue;
    // two-digit years only with letters of a registry ("SN 18/0098"), never for e.g. "SFS 18/1"
    if (year.length === 2 && (letters === 'SFS' || letters === 'SOU' || letters === 'NJA')) continue;
    if (/^(?:SFS|SOU|DS|PROP|NJA|RÅ|HFD|AD|MÖD|MMD|JO|JK|EU|EG|EUT|CELEX|KAP)$/.test(letters.replace(/[- ].*/, ''))) continue;
    add(m.index, m[0], `${letters} ${year}/${serial}${suffix ?? ''}`);
  }
  nextPattern();
  for (const m of text.matchAll(YEAR_LETTERS)) {
    const s = dnrStart(text, m.index);
    add(s, text.slice(s, m.index + m[0].length), `${m[1]}/${m[2]} ${m[3]}`);
  }
  nextPattern();
  for (const m of text.matchAll(OLD_KS)) {
    const s = dnrStart(text, m.index);
    add(s, text.slice(s, m.index + m[0].length), m[1]);
  }
  nextPattern();
  for (const m of text.matchAll(AFTER_DNR)) {
    const ref = m[1].replace(/\s+(?=\d)/g, (s, i: number) => (i > 0 && /[.\-/]$/.test(m[1].slice(0, i)) ? '' : s));
    // must look like a case number: a year somewhere, or classification + serial
    if (!/(?:19|20)\d{2}/.test(ref) && !/\d\.\d/.test(ref)) continue;
    add(m.index, m[0], ref.replace(/[.\-/]$/, ''));
  }
  nextPattern();
  for (const m of text.matchAll(BARE_PAREN)) add(m.index + 1, m[1], m[1]);
  return out.sort((a, b) => a.start - b.start);
}
