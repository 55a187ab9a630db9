/** The text as lines with offsets into the original. */
import { trimSpan } from '../text/span';

export interface Line {
  /** Offset of the first character of the line (after the previous line break). */
  start: number;
  /** Offset just past the last character before the line break. */
  end: number;
  /** Offsets of the trimmed content. */
  contentStart: number;
  contentEnd: number;
  /** Trimmed line text as written. */
  text: string;
  /** Index in the line array. */
  index: number;
  blank: boolean;
}

export function toLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r|\f|\u2028|\u2029/g;
  let start = 0;
  const push = (end: number) => {
    const { start: cs, end: ce } = trimSpan(text, start, end);
    lines.push({
      start,
      end,
      contentStart: cs,
      contentEnd: ce,
      text: text.slice(cs, ce),
      index: lines.length,
      blank: cs === ce,
    });
  };
  for (const m of text.matchAll(re)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return lines;
}

/** The next non-blank line after index i, or undefined. */
export function nextContent(lines: Line[], i: number): Line | undefined {
  for (let j = i + 1; j < lines.length; j++) if (!lines[j].blank) return lines[j];
  return undefined;
}

/** The previous non-blank line before index i, or undefined. */
export function prevContent(lines: Line[], i: number): Line | undefined {
  for (let j = i - 1; j >= 0; j--) if (!lines[j].blank) return lines[j];
  return undefined;
}

/** A gap of three or more spaces, or a tab, between two stretches of text on one line: the columns of a PDF head. */
const COLUMN_GAP = /(?<=\S)(?: {3,}|\t[ \t]*)(?=\S)/g;
/** Text that starts this far into its line, or further, stands in the right column. */
const RIGHT_COLUMN = 20;
/** The two-column part of a head is looked for in this many lines. */
const COLUMN_HEAD_LINES = 30;

/**
 * The lines with the head read column by column where it is laid out in two columns, as PDF text has it
 * ("Handläggare          Till" / "Anna Lindqvist       Socialnämnden"): each stretch of text between wide gaps
 * of the two-column part (to the blank line after the last line with a gap or in the right column) is a line of its own, the left column's first, then the right column's (each column
 * ends with a blank line), then the lines after that part as they are. Offsets stay those of the text; `index`
 * is the position in the new list, and `headEnd` (a line index) is moved with it. Undefined when no line of the
 * head has a wide gap or stands in the right column (nothing to reorder).
 */
export function columnHead(text: string, lines: Line[], headEnd: number): { lines: Line[]; headEnd: number } | undefined {
  const limit = Math.min(headEnd, lines.length, COLUMN_HEAD_LINES);
  const cellsOf: { start: number; end: number }[][] = [];
  let columnar = 0;
  let regionEnd = 0;
  for (let i = 0; i < limit; i++) {
    const l = lines[i];
    const cells: { start: number; end: number }[] = [];
    if (!l.blank) {
      let s = l.contentStart;
      for (const gap of text.slice(l.contentStart, l.contentEnd).matchAll(COLUMN_GAP)) {
        cells.push({ start: s, end: l.contentStart + gap.index });
        s = l.contentStart + gap.index + gap[0].length;
      }
      cells.push({ start: s, end: l.contentEnd });
      if (cells.length > 1 || l.contentStart - l.start >= RIGHT_COLUMN) {
        columnar += 1;
        regionEnd = i + 1;
      }
    }
    cellsOf.push(cells);
  }
  if (columnar === 0) return undefined;
  // (the two-column part goes on to a blank line: "Mikael Ruth, HR-strateg    2025-03-18" / "Telefon: 08-508 25 640")
  while (regionEnd < limit && !lines[regionEnd].blank) regionEnd += 1;
  const left: Line[] = [];
  const right: Line[] = [];
  const cell = (start: number, end: number): Line => ({ start, end, contentStart: start, contentEnd: end, text: text.slice(start, end), index: 0, blank: start === end });
  const blankAfter = (column: Line[], at: number) => {
    if (column.length && !column[column.length - 1].blank) column.push(cell(at, at));
  };
  for (let i = 0; i < regionEnd; i++) {
    const l = lines[i];
    if (l.blank) {
      blankAfter(left, l.start);
      blankAfter(right, l.start);
      continue;
    }
    cellsOf[i].forEach((c, k) => (k === 0 && c.start - l.start < RIGHT_COLUMN ? left : right).push(cell(c.start, c.end)));
  }
  blankAfter(left, lines[regionEnd - 1].end);
  blankAfter(right, lines[regionEnd - 1].end);
  const out = [...left, ...right, ...lines.slice(regionEnd)].map((l, index) => ({ ...l, index }));
  return { lines: out, headEnd: headEnd + out.length - lines.length };
}
