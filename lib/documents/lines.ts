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
/**
 * The text after a gap that shows a second column: a capital or a digit, as a column's cells start ("Tjänsteutlåtande",
 * "Dnr", "2025-09-16"). A stray run of spaces in justified prose ("socialtjänstlagen   (2025:400) i") shows none; in a
 * block that has a second column, gaps before other text split too ("Telefon: 08-508 14 000   stadsdelsnämnd").
 */
const COLUMN_START = /^[\p{Lu}\d]/u;
/** Text that starts this far into its line, or further, stands in the right column. */
const RIGHT_COLUMN = 20;
/** The two-column part of a head is looked for in this many lines. */
const COLUMN_HEAD_LINES = 30;
/** A label alone, whose value may follow it on the same row after a tab ("Handläggare:\tKarin Ek"). */
const LABEL = /^(?:handl\S+ggare|kontaktperson|telefon|tel|tfn|mobil|e-?post|datum|dnr|diarienummer|till|fr\S+n|v\S+r\s+beteckning|sida|bilaga)\.?:?$/i;
/** A telephone label, whose value is digits. */
const PHONE_LABEL = /^(?:telefon|tel|tfn|mobil)\.?:?$/i;
/** What starts a cell of a head's right column ("Dnr …", "Sida 1 (4)", "Till", a date): no value of a label. */
const HEAD_CELL = /^(?:dnr|diarienummer|sida|till|datum|tj\S+nsteutl\S+tande|tj\S+nsteskrivelse|remissvar|yttrande|protokoll|handl\S+ggare|telefon|v\S+r\s+beteckning|bilaga|\d)/i;
/** Is the row "label, gap, value" ("Handläggare:\tKarin Ek", "Telefon:\t08-508 25 100"), not two columns? */
function labelAndValue(label: string, value: string): boolean {
  if (!LABEL.test(label)) return false;
  return PHONE_LABEL.test(label) ? /^[+\d]/.test(value) : !HEAD_CELL.test(value);
}
/** The addressee's label in a head: the rows right after it without a gap of their own belong to its column. */
export const TO_LABEL = /^till:?$/i;

type Cell = { start: number; end: number };

/**
 * The lines with the head read column by column where it is laid out in two columns, as PDF text has it
 * ("Handläggare          Till" / "Anna Lindqvist       Socialnämnden"): each stretch of text between wide gaps of
 * the two-column part is a line of its own, the left column's first, then the right column's (each column ends
 * with a blank line), then the lines after that part as they are. Offsets stay those of the text; `index` is the
 * position in the new list, and `headEnd` (a line index) is moved with it.
 *
 * The two-column part is the head's first block of lines (up to a blank line) that has a row with a wide gap before
 * a capital or a digit, with the blocks before it, and the blocks after it that have two such rows; rows that start
 * 20 characters in go to the right column there. A row that is a label and its value ("Handläggare:\tKarin Ek")
 * stays one line. PDF text has no indentation, so the rows right after a "Till" at the end of a row go to its column
 * (at most two, up to a row with a gap). Undefined when there is no two-column part.
 */
export function columnHead(text: string, lines: Line[], headEnd: number): { lines: Line[]; headEnd: number } | undefined {
  const limit = Math.min(headEnd, lines.length, COLUMN_HEAD_LINES);
  const cellsOf: Cell[][] = [];
  /** Rows with a gap before a capital or a digit (see COLUMN_START). */
  const twoColumns: boolean[] = [];
  for (let i = 0; i < limit; i++) {
    const l = lines[i];
    let cells: Cell[] = [];
    let strong = false;
    if (!l.blank) {
      let s = l.contentStart;
      for (const gap of text.slice(l.contentStart, l.contentEnd).matchAll(COLUMN_GAP)) {
        cells.push({ start: s, end: l.contentStart + gap.index });
        s = l.contentStart + gap.index + gap[0].length;
        if (COLUMN_START.test(text.slice(s, s + 1))) strong = true;
      }
      cells.push({ start: s, end: l.contentEnd });
      const cellText = (c: Cell) => text.slice(c.start, c.end);
      if (cells.length === 2 && labelAndValue(cellText(cells[0]), cellText(cells[1]))) {
        cells = [{ start: cells[0].start, end: cells[1].end }];
        strong = false;
      }
    }
    cellsOf.push(cells);
    twoColumns.push(strong);
  }
  // The blocks, and the end of the two-column part (a row that starts 20 characters in counts only in a block with a
  // gap: a centred title's lines are indented too).
  let regionEnd = 0;
  let found = false;
  for (let b = 0; b < limit; ) {
    let e = b;
    let count = 0;
    while (e < limit && !lines[e].blank) if (twoColumns[e++]) count += 1;
    if (found ? count >= 2 : count >= 1) {
      regionEnd = e;
      found = true;
    } else {
      // (a block in one column: its rows stay whole)
      for (let i = b; i < e; i++) if (cellsOf[i].length > 1) cellsOf[i] = [{ start: cellsOf[i][0].start, end: cellsOf[i][cellsOf[i].length - 1].end }];
      if (found) break;
    }
    b = e + 1;
  }
  if (!found) return undefined;
  const left: Line[] = [];
  const right: Line[] = [];
  const cell = (start: number, end: number): Line => ({ start, end, contentStart: start, contentEnd: end, text: text.slice(start, end), index: 0, blank: start === end });
  const blankAfter = (column: Line[], at: number) => {
    if (column.length && !column[column.length - 1].blank) column.push(cell(at, at));
  };
  /** Rows still to go to the right column after a "Till". */
  let afterTo = 0;
  for (let i = 0; i < regionEnd; i++) {
    const l = lines[i];
    const cells = cellsOf[i];
    if (l.blank) {
      blankAfter(left, l.start);
      blankAfter(right, l.start);
      afterTo = 0;
      continue;
    }
    if (cells.length === 1 && afterTo > 0) {
      right.push(cell(cells[0].start, cells[0].end));
      afterTo -= 1;
      continue;
    }
    cells.forEach((c, k) => (k === 0 && c.start - l.start < RIGHT_COLUMN ? left : right).push(cell(c.start, c.end)));
    const last = cells[cells.length - 1];
    afterTo = cells.length > 1 && TO_LABEL.test(text.slice(last.start, last.end)) ? 2 : 0;
  }
  blankAfter(left, lines[regionEnd - 1].end);
  blankAfter(right, lines[regionEnd - 1].end);
  const out = [...left, ...right, ...lines.slice(regionEnd)].map((l, index) => ({ ...l, index }));
  return { lines: out, headEnd: headEnd + out.length - lines.length };
}
