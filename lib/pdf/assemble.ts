/**
 * Text assembly from pdf.js text content. PURE: no Node, no DOM, no pdf.js
 * import — it takes the plain data `page.getTextContent()` returns, so the
 * CLI (Node) and the PDF viewer (browser) share it.
 *
 * The assembled text has
 * - the lines of each page in reading order (top to bottom, left to right),
 * - a space between two items on a line when there is a horizontal gap, three where the gap is a column's gutter,
 * - "\n" between lines, "\n\n" where the vertical gap looks like a paragraph break,
 * - "\n" between pages,
 * - words hyphenated over a line end joined again ("social-\ntjänstlagen" →
 *   "socialtjänstlagen"), while real hyphens stay ("Hälso- och", "individ-, grupp-\noch").
 *
 * The offset map leads every character of the text back to the item it came
 * from (page, item index, character in the item's `str`), so a viewer can
 * highlight a citation in pdf.js's text layer.
 */

/** One text item as pdf.js's `getTextContent()` gives it (only the fields used here). */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, e, f]: e/f = x/y of the baseline origin in PDF user space (y grows upwards). */
  transform: readonly number[];
  width: number;
  height: number;
  hasEOL?: boolean;
  dir?: string;
}

/** pdf.js also returns marked-content entries without `str`; they are skipped but keep their index. */
export interface PdfMarkedContent {
  type: string;
  id?: string;
}

export type PdfContentItem = PdfTextItem | PdfMarkedContent;

/** One page's text content: pass `await page.getTextContent()` as is. */
export interface PdfPageText {
  items: readonly PdfContentItem[];
}

/** Where a character of the assembled text comes from. `page` is 1-based (as pdf.js `getPage(n)`). */
export interface PdfLocation {
  page: number;
  /** Index into that page's `items` (marked-content entries included). */
  item: number;
  /** UTF-16 offset into the item's `str`. */
  char: number;
}

/** A run of characters in one item: `str.slice(start, end)`; for highlighting a range. */
export interface PdfItemSpan {
  page: number;
  item: number;
  start: number;
  end: number;
}

export interface PdfOffsetMap {
  /** Source of the character at `offset`; null for characters the assembly inserted (spaces, line breaks). */
  locate(offset: number): PdfLocation | null;
  /** The item runs covering text[start, end), in text order; inserted characters are left out. */
  locateRange(start: number, end: number): PdfItemSpan[];
  /** 1-based page that `offset` falls on (an offset at the very end belongs to the last page). */
  pageOfOffset(offset: number): number;
  /** Offset in the text where a 1-based page starts. */
  pageStart(page: number): number;
  /** Offset in the text where a 1-based page ends (exclusive, before the page break). */
  pageEnd(page: number): number;
  readonly pageCount: number;
}

export interface AssembledPdfText {
  text: string;
  map: PdfOffsetMap;
  /** 1-based numbers of pages without any text (scanned pages, images only). */
  pagesWithoutText: number[];
}

export interface AssembleOptions {
  /** A vertical gap above this many font sizes between two lines counts as a paragraph break ("\n\n"). Default 1.75. */
  paragraphGap?: number;
  /** A horizontal gap above this many font sizes between two items gets a space. Default 0.15. */
  spaceGap?: number;
}

interface Positioned {
  index: number;
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Piece {
  text: string;
  /** -1 for inserted text. */
  item: number;
  char: number;
}

interface Line {
  page: number;
  pieces: Piece[];
  /** Separator before this line, when the previous line exists. */
  sepBefore: '\n' | '\n\n';
  /** First line of its page (the separator is a page break). */
  pageFirst: boolean;
}

interface Segment {
  start: number;
  end: number;
  page: number;
  item: number;
  char: number;
}

/** Words after "Hälso-" that show the hyphen is a real one ("Hälso- och sjukvård"). */
const CONJUNCTIONS = new Set(['och', 'eller', 'samt', 'respektive', 'resp', 'som', 'till', 'utan', 'men', 'and', 'or']);

const isTextItem = (item: PdfContentItem): item is PdfTextItem =>
  typeof (item as PdfTextItem).str === 'string' && Array.isArray((item as PdfTextItem).transform);

function positioned(items: readonly PdfContentItem[]): Positioned[] {
  const out: Positioned[] = [];
  items.forEach((item, index) => {
    if (!isTextItem(item) || item.str.length === 0) return;
    const t = item.transform;
    const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || Math.abs(item.height) || 1;
    out.push({ index, str: item.str, x: t[4] ?? 0, y: t[5] ?? 0, width: Math.abs(item.width) || 0, size });
  });
  return out;
}

/** Groups a page's items into lines in reading order. */
function pageLines(items: Positioned[]): Positioned[][] {
  const lines: { y: number; size: number; items: Positioned[] }[] = [];
  for (const it of items) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - it.y) <= 0.4 * Math.min(last.size, it.size)) {
      last.items.push(it);
      last.size = Math.max(last.size, it.size);
    } else {
      lines.push({ y: it.y, size: it.size, items: [it] });
    }
  }
  // Stream order is usually reading order; sort only when it is not top-to-bottom.
  const ordered = lines.every((l, i) => i === 0 || l.y <= lines[i - 1].y + 0.4 * l.size);
  const sorted = ordered ? lines : [...lines].sort((a, b) => b.y - a.y);
  // Lines on the same baseline that the stream drew apart are merged.
  const merged: typeof lines = [];
  for (const l of sorted) {
    const last = merged[merged.length - 1];
    if (last && Math.abs(last.y - l.y) <= 0.4 * Math.min(last.size, l.size)) {
      last.items.push(...l.items);
      last.size = Math.max(last.size, l.size);
    } else merged.push({ ...l, items: [...l.items] });
  }
  for (const l of merged) {
    const needsSort = l.items.some((it, i) => i > 0 && it.x < l.items[i - 1].x - 0.01);
    if (needsSort) l.items.sort((a, b) => a.x - b.x);
  }
  return merged.map((l) => l.items);
}

/** A horizontal gap above this many font sizes separates two columns (a head's "Handläggare … Till"), not two words. */
const COLUMN_GAP = 2.5;

function linePieces(items: Positioned[], spaceGap: number): Piece[] {
  const pieces: Piece[] = [];
  items.forEach((it, i) => {
    if (i > 0) {
      const prev = items[i - 1];
      const gap = it.x - (prev.x + prev.width);
      const prevText = pieces[pieces.length - 1]?.text ?? '';
      if (gap > spaceGap * Math.min(prev.size, it.size) && !/\s$/.test(prevText) && !/^\s/.test(it.str)) {
        // (a gap wider than COLUMN_GAP font sizes is a gutter: three spaces, as the facts read two-column heads)
        pieces.push({ text: gap > COLUMN_GAP * Math.min(prev.size, it.size) ? '   ' : ' ', item: -1, char: 0 });
      }
    }
    pieces.push({ text: it.str, item: it.index, char: 0 });
    // (pdf.js gives a gutter as an item of one space as wide as the gap: two more spaces after it)
    if (it.width > COLUMN_GAP * it.size && /^\s+$/.test(it.str) && i > 0 && i + 1 < items.length) pieces.push({ text: '  ', item: -1, char: 0 });
  });
  return trimPieces(pieces);
}

/** Drops whitespace at both ends of a line, keeping the map right. */
function trimPieces(pieces: Piece[]): Piece[] {
  const out = pieces.map((p) => ({ ...p }));
  while (out.length > 0) {
    const first = out[0];
    const m = /^\s+/.exec(first.text);
    if (!m) break;
    if (m[0].length === first.text.length) out.shift();
    else {
      first.text = first.text.slice(m[0].length);
      first.char += m[0].length;
      break;
    }
  }
  while (out.length > 0) {
    const last = out[out.length - 1];
    const m = /\s+$/.exec(last.text);
    if (!m) break;
    if (m[0].length === last.text.length) out.pop();
    else {
      last.text = last.text.slice(0, last.text.length - m[0].length);
      break;
    }
  }
  return out;
}

const lastChar = (pieces: Piece[]): string => {
  const t = pieces[pieces.length - 1]?.text ?? '';
  return t[t.length - 1] ?? '';
};
const lineText = (pieces: Piece[]): string => pieces.map((p) => p.text).join('');

/**
 * How the line break between two lines is written: "drop" (hyphen removed,
 * words joined), "join" (hyphen kept, no break: "EU-\nrätten" → "EU-rätten") or "keep".
 */
function hyphenJoin(prev: Piece[], next: Piece[]): 'drop' | 'join' | 'keep' {
  const end = lastChar(prev);
  if (end !== '-' && end !== '\u00AD') return 'keep';
  const prevText = lineText(prev);
  const before = prevText[prevText.length - 2] ?? '';
  const nextText = lineText(next);
  const word = /^[\p{L}]+/u.exec(nextText)?.[0] ?? '';
  if (!word) return 'keep';
  const first = word[0];
  const startsLower = first === first.toLowerCase() && first !== first.toUpperCase();
  if (end === '\u00AD') return 'drop';
  if (!/\p{L}|\d/u.test(before) || !startsLower) return 'keep';
  if (CONJUNCTIONS.has(word.toLowerCase())) return 'keep';
  if (/\p{Lu}|\d/u.test(before)) return 'join';
  return 'drop';
}

export function assemblePdfText(pages: readonly PdfPageText[], options: AssembleOptions = {}): AssembledPdfText {
  const paragraphGap = options.paragraphGap ?? 1.75;
  const spaceGap = options.spaceGap ?? 0.15;
  const lines: Line[] = [];
  const pagesWithoutText: number[] = [];

  pages.forEach((p, pi) => {
    const page = pi + 1;
    const grouped = pageLines(positioned(p.items));
    let prev: Positioned[] | null = null;
    let any = false;
    for (const items of grouped) {
      const pieces = linePieces(items, spaceGap);
      if (pieces.length === 0) continue;
      let sepBefore: Line['sepBefore'] = '\n';
      if (prev) {
        const size = Math.max(...prev.map((it) => it.size));
        const dy = prev[0].y - items[0].y;
        if (dy > paragraphGap * size) sepBefore = '\n\n';
      }
      lines.push({ page, pieces, sepBefore, pageFirst: !any });
      any = true;
      prev = items;
    }
    if (!any) pagesWithoutText.push(page);
  });

  // Emit: pages joined by "\n", lines by their separators, hyphenation undone.
  let text = '';
  const segments: Segment[] = [];
  const pageStarts: number[] = new Array(pages.length).fill(-1);
  const pageEnds: number[] = new Array(pages.length).fill(-1);
  let lineIdx = 0;
  for (let pi = 0; pi < pages.length; pi++) {
    const page = pi + 1;
    if (pi > 0) {
      // The page break, unless the last line of the previous page was hyphen-joined into this one.
      if (!(text.length > 0 && pageStarts[pi] === text.length)) text += '\n';
    }
    if (pageStarts[pi] < 0) pageStarts[pi] = text.length;
    while (lineIdx < lines.length && lines[lineIdx].page === page) {
      const line = lines[lineIdx];
      if (!line.pageFirst) text += line.sepBefore;
      for (const piece of line.pieces) {
        if (piece.item >= 0 && piece.text.length > 0) {
          segments.push({ start: text.length, end: text.length + piece.text.length, page, item: piece.item, char: piece.char });
        }
        text += piece.text;
      }
      // Look at the next line (this page or the next page with text) for hyphenation.
      const next = lines[lineIdx + 1];
      if (next) {
        const how = hyphenJoin(line.pieces, next.pieces);
        const crossesPage = next.page !== page;
        if (how !== 'keep' && (!crossesPage || next.page === page + 1)) {
          if (how === 'drop') {
            text = text.slice(0, -1);
            const seg = segments[segments.length - 1];
            if (seg && seg.end > text.length) {
              seg.end = text.length;
              if (seg.end <= seg.start) segments.pop();
            }
          }
          // Suppress the separator before the next line.
          next.pageFirst = true;
          if (crossesPage) pageStarts[next.page - 1] = text.length;
        }
      }
      lineIdx++;
    }
    pageEnds[pi] = text.length;
  }

  const map = makeMap(segments, pageStarts, pageEnds, text.length);
  return { text, map, pagesWithoutText };
}

function makeMap(segments: Segment[], pageStarts: number[], pageEnds: number[], length: number): PdfOffsetMap {
  const findSegment = (offset: number): number => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segments[mid];
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  const pageCount = pageStarts.length;
  const checkPage = (page: number) => {
    if (!Number.isInteger(page) || page < 1 || page > pageCount) throw new RangeError(`sida ${page} finns inte`);
  };
  return {
    pageCount,
    locate(offset) {
      const i = findSegment(offset);
      if (i < 0) return null;
      const s = segments[i];
      return { page: s.page, item: s.item, char: s.char + (offset - s.start) };
    },
    locateRange(start, end) {
      const spans: PdfItemSpan[] = [];
      if (end <= start) return spans;
      // First segment that ends after start.
      let lo = 0;
      let hi = segments.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (segments[mid].end <= start) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < segments.length && segments[i].start < end; i++) {
        const s = segments[i];
        const from = Math.max(start, s.start);
        const to = Math.min(end, s.end);
        if (to > from) spans.push({ page: s.page, item: s.item, start: s.char + (from - s.start), end: s.char + (to - s.start) });
      }
      return spans;
    },
    pageOfOffset(offset) {
      if (pageCount === 0) return 0;
      const o = Math.max(0, Math.min(offset, length));
      let lo = 0;
      let hi = pageCount - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (pageStarts[mid] <= o) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
    pageStart(page) {
      checkPage(page);
      return pageStarts[page - 1];
    },
    pageEnd(page) {
      checkPage(page);
      return pageEnds[page - 1];
    },
  };
}
