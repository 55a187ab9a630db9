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
import { anchor, anchored, forEachMatch, type Anchor } from '../text/anchored';

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

const isDigitAt = (t: string, i: number): boolean => {
  const c = t.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const isCapitalAt = (t: string, i: number): boolean => {
  const c = t.charCodeAt(i);
  return (c >= 65 && c <= 90) || c === 0xc5 || c === 0xc4 || c === 0xd6; // A-Z, Å, Ä, Ö
};

/** A slash pattern's anchor: the "/", `minLead` to `maxLead` characters after the match start. */
const slash = (minLead: number, maxLead = minLead): Anchor[] => [anchor('/', minLead, maxLead)];

// Every pattern matched around a "/" has one after a digit. Those are found once, and where each
// pattern can match is told by a cheap test of the characters around the "/" (see slashSites).

// Registry letters + year/serial: "KS 2023/105", "SN 18/0098", "KS 2003/0520-85", "SDN HÄ 2023/12", and a
// nämnd's letters in mixed case ending in a capital: "UtbN 2024/0456", "SoN 2023/12"
// (the "/" comes 3 to 33 characters after the start: "Diarienummer.: " is 17, the letters 11;
// a digit follows it, and the letters end one or two characters before the two- or four-digit year)
const LETTERS_YEAR = anchored(
  String.raw`(${DNR})?\b([A-ZÅÄÖ](?:[A-ZÅÄÖ]{0,5}|[a-zåäö]{1,3}[A-ZÅÄÖ])(?:[- ][A-ZÅÄÖ]{1,4})?)\s?(${YEAR4}|\d{2})\/(\d{1,6})(-\d{1,4})?(?![\d/])`,
  slash(3, 33),
);
const lettersYearAt = (t: string, q: number): boolean =>
  isDigitAt(t, q + 1) && (isCapitalAt(t, q - 3) || isCapitalAt(t, q - 4) || isCapitalAt(t, q - 5) || isCapitalAt(t, q - 6));
/** Registry letters that are not a registry (statutes, case law, EU, "KAP 2023/24"). */
const NOT_REGISTRY = new Set(['SFS', 'SOU', 'DS', 'PROP', 'NJA', 'RÅ', 'HFD', 'AD', 'MÖD', 'MMD', 'JO', 'JK', 'EU', 'EG', 'EUT', 'CELEX', 'KAP']);
// Year/registry serial: "2024/KS 0107", "2023/VN 0010 004" (with or without Dnr). Run as the
// number only, then the "Dnr" before it is looked for: the same matches as (${DNR})?… since a
// "Dnr" prefix has no digits.
const YEAR_LETTERS = anchored(String.raw`\b(${YEAR4})\/([A-ZÅÄÖ]{1,5})\s(\d{3,5}(?:\s\d{3})?)(?!\d)`, slash(4));
// Stockholm KS pre-2019 "328-1720/2012" (with or without Dnr; the same way)
// (a digit after the "/", a "-" two to six characters before it)
const OLD_KS = anchored(String.raw`(?<![\d.\-/])(\d{3}-\d{1,5}\/${YEAR4})(?![\d/])`, slash(5, 9));
const oldKsAt = (t: string, q: number): boolean => {
  if (!isDigitAt(t, q + 1)) return false;
  for (let k = q - 2; k >= q - 6 && k >= 0; k--) if (t.charCodeAt(k) === 0x2d) return true;
  return false;
};
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
// (a regex scan: "dnr" and "diarie" start with a common letter, which indexOf finds slowly)
const AFTER_DNR = new RegExp(
  String.raw`${DNR}((?:[A-ZÅÄÖ]{1,4}\s)?\d{1,4}(?:[.\-/]\s?\d{1,6}){1,5})`,
  'g',
);
// Bare "(2023/310)" right after remiss/ärende/dnr (matched from the "(", the number is the group after it)
const BARE_PAREN = anchored(String.raw`\((?<=\b(?:[Rr]emiss|[Rr]emissen|ärende|ärendet|[Dd]nr)\s{1,3}\()(${YEAR4}\/\d{1,6})(?=\))`, slash(5));

/**
 * The "/" after a digit where each slash pattern can match, by the tests above: one pass over the
 * slashes reads the characters around each while they are at hand (on a long text, four passes
 * that read them again each missed the caches), and each pattern is tried only at its own.
 */
function slashSites(text: string): { lettersYear: number[]; yearLetters: number[]; oldKs: number[]; bareParen: number[] } {
  const sites = { lettersYear: [] as number[], yearLetters: [] as number[], oldKs: [] as number[], bareParen: [] as number[] };
  for (let q = text.indexOf('/', 1); q >= 0; q = text.indexOf('/', q + 1)) {
    if (!isDigitAt(text, q - 1)) continue;
    if (lettersYearAt(text, q)) sites.lettersYear.push(q);
    if (isCapitalAt(text, q + 1)) sites.yearLetters.push(q);
    if (oldKsAt(text, q)) sites.oldKs.push(q);
    if (text.charCodeAt(q - 5) === 0x28) sites.bareParen.push(q);
  }
  return sites;
}

/** A further number in a list after a "Dnr" number: ", 5-744-2011", " och 5-744-2011" (sticky, from the last one's end). */
const DNR_MORE = /(?:,\s?|\s(?:och|samt)\s)((?:[A-ZÅÄÖ]{1,4}\s)?\d{1,4}(?:[.\-/]\d{1,6}){1,5})(?!\d|[.\-/]\d)/y;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Where registry letters break ("SDN HÄ", "KS-A"), a year in a number, a classification ("1.5"), a separator that ends one. */
const LETTERS_BREAK = /[- ]/;
const YEAR_IN = /(?:19|20)\d{2}/;
const CLASSIFICATION_IN = /\d\.\d/;
const TRAILING_SEPARATOR = /[.\-/]$/;
/** The separators of a case number in order ("7-742-2011" → "--"): numbers in one list share them. */
const separatorsOf = (ref: string): string => ref.replace(/[^.\-/]/g, '');
const SEPARATOR_SPACE = /[.\-/]\s/;
const SEPARATOR_SPACES = /(?<=[.\-/])\s/g;

export function findCaseNumbers(text: string): CaseNumberMatch[] {
  // Matches of an earlier pattern win; within one pattern matches never overlap, so a
  // new match is checked (binary search) against the matches of the earlier patterns only.
  // `prior` holds those in order; each pattern's matches (`out`) come in order too, and are merged in.
  let prior: CaseNumberMatch[] = [];
  let out: CaseNumberMatch[] = [];
  const nextPattern = () => {
    prior = mergeByStart(prior, out);
    out = [];
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
  const sites = slashSites(text);
  forEachMatch(text, LETTERS_YEAR, (m) => {
    const dnr = m[2];
    const letters = m[3];
    const year = m[4];
    // a lone capital letter is only a registry prefix after "Dnr" ("I 2023/24 års budget" is not one)
    if (!dnr && letters.length < 2) return;
    // two-digit years only with letters of a registry ("SN 18/0098"), never for e.g. "SFS 18/1"
    if (year.length === 2 && (letters === 'SFS' || letters === 'SOU' || letters === 'NJA')) return;
    const cut = letters.search(LETTERS_BREAK);
    if (NOT_REGISTRY.has(cut < 0 ? letters : letters.slice(0, cut))) return;
    add(m.index, m[1], `${letters} ${year}/${m[5]}${m[6] ?? ''}`);
  }, sites.lettersYear);
  nextPattern();
  forEachMatch(text, YEAR_LETTERS, (m) => {
    const s = dnrStart(text, m.index);
    add(s, text.slice(s, m.index + m[1].length), `${m[2]}/${m[3]} ${m[4]}`);
  }, sites.yearLetters);
  nextPattern();
  forEachMatch(text, OLD_KS, (m) => {
    const s = dnrStart(text, m.index);
    add(s, text.slice(s, m.index + m[1].length), m[2]);
  }, sites.oldKs);
  nextPattern();
  for (const m of text.matchAll(AFTER_DNR)) {
    // The space after a separator is dropped ("2012- 182-3.1" is 2012-182-3.1), the one after letters
    // kept ("T 2010-313-01743"): the number has no other spaces, and each is one character before a digit.
    const ref = SEPARATOR_SPACE.test(m[1]) ? m[1].replace(SEPARATOR_SPACES, '') : m[1];
    // must look like a case number: a year somewhere, or classification + serial
    if (!YEAR_IN.test(ref) && !CLASSIFICATION_IN.test(ref)) continue;
    add(m.index, m[0], ref.replace(TRAILING_SEPARATOR, ''));
    // More numbers of the same form after it: "Dnr 7-742-2011 och 5-744-2011" (a date is not one).
    let form: string | undefined;
    DNR_MORE.lastIndex = m.index + m[0].length;
    for (let more = DNR_MORE.exec(text); more; more = DNR_MORE.exec(text)) {
      form ??= separatorsOf(m[1]);
      if (separatorsOf(more[1]) !== form || ISO_DATE.test(more[1])) break;
      add(more.index + more[0].length - more[1].length, more[1], more[1]); // (it ends in a digit)
    }
  }
  nextPattern();
  forEachMatch(text, BARE_PAREN, (m) => add(m.index + 1, m[2], m[2]), sites.bareParen);
  return mergeByStart(prior, out);
}

/** Two lists ordered by start merged into one (a's first on a tie). */
function mergeByStart(a: CaseNumberMatch[], b: CaseNumberMatch[]): CaseNumberMatch[] {
  if (!b.length) return a;
  if (!a.length) return b;
  const merged: CaseNumberMatch[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++]);
  return merged;
}
