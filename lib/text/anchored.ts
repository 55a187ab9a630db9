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
}

/** `pattern` (a RegExp, or a source without flags) found through `anchors`. */
export function anchored(pattern: RegExp | string, anchors: readonly Anchor[]): AnchoredPattern {
  const width = Math.max(...anchors.map((a) => a.maxLead - a.minLead));
  const source = typeof pattern === 'string' ? pattern : pattern.source;
  const flags = typeof pattern === 'string' ? '' : pattern.flags.replace('g', '');
  return { rx: new RegExp(`[^]{0,${width}}?(${source})`, `${flags}y`), width, anchors };
}

/**
 * Visits the matches of an anchored pattern in order, the same as the pattern finds as a global regex
 * (leftmost first, not overlapping): since every match holds one of the anchors, only the starts
 * that the anchors' occurrences allow are tried, in increasing order, from the end of the
 * previous match on. In each match group 1 is the match, and `index` is its start.
 * `found`, when given, holds the occurrences of a single anchor in increasing order, those the
 * caller already has (several patterns with one anchor; it may leave out those where a cheap test of
 * the characters around them shows that no match can hold them).
 * (A visitor, not a list: a list keeps every match array alive to the end, and on a long text
 * the garbage collector then copies them all. The visitor must not run `p` itself: see matchAt.)
 */
export function forEachMatch(text: string, p: AnchoredPattern, visit: (m: RegExpExecArray) => void, found?: readonly number[]): void {
  scan(text, p, found, visit, undefined);
}

/**
 * The same matches as spans, start and end one after the other, for callers that mostly need no
 * groups (see {@link matchAt}): a pattern of width 0 is then run with test, which makes no match array.
 */
export function anchoredSpans(text: string, p: AnchoredPattern): number[] {
  const out: number[] = [];
  scan(text, p, undefined, undefined, out);
  return out;
}

/** The match of `p` (group 1, as in {@link anchoredMatches}) at `start`, where anchoredSpans found one. */
export function matchAt(text: string, p: AnchoredPattern, start: number): RegExpExecArray {
  p.rx.lastIndex = start;
  return p.rx.exec(text) as RegExpExecArray;
}

/** forEachMatch (to `visit`) or anchoredSpans (into `spans`). */
function scan(text: string, p: AnchoredPattern, found: readonly number[] | undefined, visit: ((m: RegExpExecArray) => void) | undefined, spans: number[] | undefined): void {
  const { rx, width, anchors } = p;
  // (with no lead, a match starts where it is tried: its end is all test has to tell)
  const bare = spans !== undefined && width === 0;
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
    if (from > last) continue;
    rx.lastIndex = from;
    if (bare) {
      if (!rx.test(text)) {
        next = from + 1;
        continue;
      }
      next = rx.lastIndex;
      spans.push(from, next);
      continue;
    }
    const m = rx.exec(text);
    if (m === null) {
      next = from + width + 1;
      continue;
    }
    next = rx.lastIndex;
    if (visit) {
      m.index = next - m[1].length;
      visit(m);
    } else spans?.push(next - m[1].length, next);
  }
}
