/**
 * Regex matching through literals: a pattern whose every match holds one of a few literals
 * ("prop", "/E", "FS", "/") is only tried at the starts those literals' occurrences allow.
 * The occurrences are found with indexOf, many times faster than a regex scan of the whole text
 * when the literal starts with a rare character (indexOf stops at each occurrence of the first
 * one: "dnr" or "skr" are found no faster than the regex scans).
 */

/**
 * Where a pattern's matches can start: each match holds the literal `lit`, `minLead` to `maxLead`
 * characters after its start ("/E" 4 to 9 characters after the start of "95/46/EG" or "2016/1234/EU").
 */
export interface Anchor {
  lit: string;
  minLead: number;
  maxLead: number;
}
export const anchor = (lit: string, minLead = 0, maxLead = minLead): Anchor => ({ lit, minLead, maxLead });

/**
 * A pattern found through its anchors: `rx` is the pattern behind a lazy lead of at most `width`
 * characters, sticky, so one exec tries the starts from lastIndex to lastIndex + width in order.
 * Group 1 of `rx` is the match; the pattern's own groups follow from group 2.
 */
export interface AnchoredPattern {
  rx: RegExp;
  width: number;
  anchors: readonly Anchor[];
  /** Optional: false where no match can hold the anchor found at q (a cheap test before the regex). */
  near?: (text: string, q: number) => boolean;
}

/** `pattern` (a RegExp, or a source without flags) found through `anchors`. */
export function anchored(pattern: RegExp | string, anchors: readonly Anchor[], near?: AnchoredPattern['near']): AnchoredPattern {
  const width = Math.max(...anchors.map((a) => a.maxLead - a.minLead));
  const source = typeof pattern === 'string' ? pattern : pattern.source;
  const flags = typeof pattern === 'string' ? '' : pattern.flags.replace('g', '');
  return { rx: new RegExp(`[^]{0,${width}}?(${source})`, `${flags}y`), width, anchors, near };
}

/**
 * Calls `each` with the matches of an anchored pattern in order, the same as the pattern finds
 * as a global regex (leftmost first, not overlapping), and their starts: since every match holds
 * one of the anchors, only the starts that the anchors' occurrences allow are tried, in
 * increasing order, from the end of the previous match on. In `m`, group 1 is the match.
 * `found`, when given, holds the occurrences of a single anchor in increasing order, those the
 * caller already has (several patterns with one anchor; it may leave out the ones `near` rejects).
 */
export function eachAnchoredMatch(
  text: string,
  p: AnchoredPattern,
  each: (m: RegExpExecArray, start: number) => void,
  found?: readonly number[],
): void {
  scan(text, p, found, each, undefined);
}

/**
 * The same matches as spans, for callers that mostly need no groups (see {@link matchAt}): a
 * pattern of width 0 is then run with test, which makes no match array.
 */
export function eachAnchoredSpan(text: string, p: AnchoredPattern, each: (start: number, end: number) => void): void {
  scan(text, p, undefined, undefined, each);
}

/** The match of `p` (group 1, as in {@link eachAnchoredMatch}) at `start`, where eachAnchoredSpan found one. */
export function matchAt(text: string, p: AnchoredPattern, start: number): RegExpExecArray {
  p.rx.lastIndex = start;
  return p.rx.exec(text) as RegExpExecArray;
}

/** eachAnchoredMatch (onMatch) or eachAnchoredSpan (onSpan). */
function scan(
  text: string,
  p: AnchoredPattern,
  found: readonly number[] | undefined,
  onMatch: ((m: RegExpExecArray, start: number) => void) | undefined,
  onSpan: ((start: number, end: number) => void) | undefined,
): void {
  const { rx, width, anchors, near } = p;
  // (with no lead, a match starts where it is tried: its end is all test has to tell)
  const bare = onSpan !== undefined && width === 0;
  // Next occurrence of each anchor (from `found`: fi is its index there).
  let fi = 0;
  const at = found ? [found.length ? found[0] : -1] : anchors.map((a) => text.indexOf(a.lit, a.minLead));
  let next = 0; // every start before this is tried or inside a match
  for (;;) {
    // The occurrence whose first possible start comes first.
    let k = -1;
    let first = Infinity;
    for (let j = 0; j < at.length; j++) {
      if (at[j] >= 0 && at[j] - anchors[j].maxLead < first) {
        first = at[j] - anchors[j].maxLead;
        k = j;
      }
    }
    if (k < 0) return;
    const q = at[k];
    const last = q - anchors[k].minLead; // its last possible start
    if (found) at[k] = ++fi < found.length ? found[fi] : -1;
    else at[k] = text.indexOf(anchors[k].lit, q + 1);
    const from = next > first ? next : first;
    if (from > last || (near !== undefined && !near(text, q))) continue;
    rx.lastIndex = from;
    if (bare) {
      if (!rx.test(text)) {
        next = from + 1;
        continue;
      }
      next = rx.lastIndex;
      onSpan(from, next);
      continue;
    }
    const m = rx.exec(text);
    if (m === null) {
      next = from + width + 1;
      continue;
    }
    next = rx.lastIndex;
    if (onMatch) onMatch(m, next - m[1].length);
    else onSpan?.(next - m[1].length, next);
  }
}

/**
 * The same for a global regex whose source is wrapped in one group, `(…)`, scanned as it is (for
 * patterns whose literals start with common letters, which indexOf finds slowly): group 1 is the
 * match, as in {@link eachAnchoredMatch}, so the callers read both alike.
 */
export function eachGlobalMatch(text: string, rx: RegExp, each: (m: RegExpExecArray, start: number) => void): void {
  rx.lastIndex = 0;
  for (let m = rx.exec(text); m !== null; m = rx.exec(text)) each(m, m.index);
}
