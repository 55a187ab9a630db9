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
