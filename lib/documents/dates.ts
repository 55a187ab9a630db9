/** Dates as written in council documents: "2023-08-24", "24 augusti 2023", "den 30 jan. 2023". */

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, mars: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, augusti: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

export interface DateHit {
  iso: string;
  start: number;
  end: number;
}

const ISO = /(?<![\d/:-])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?![\d:/]|-\d)/g;
const LONG = /(?<![\p{L}\d])(\d{1,2})\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?\s+((?:19|20)\d{2})(?!\d)/giu;

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Every valid date in `s`, in order, with offsets relative to `s`. */
export function findDates(s: string): DateHit[] {
  const out: DateHit[] = [];
  for (const m of s.matchAll(ISO)) {
    const y = +m[1], mo = +m[2], d = +m[3];
    if (valid(y, mo, d)) out.push({ iso: iso(y, mo, d), start: m.index, end: m.index + m[0].length });
  }
  for (const m of s.matchAll(LONG)) {
    const y = +m[3], mo = MONTHS[m[2].toLowerCase()], d = +m[1];
    if (mo && valid(y, mo, d)) out.push({ iso: iso(y, mo, d), start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}
