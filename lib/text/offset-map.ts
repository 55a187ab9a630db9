/**
 * Offset maps: a derived string (normalised, joined, extracted) plus a way back
 * to UTF-16 offsets in the original string.
 *
 * The map is a list of segments. Inside a segment the derived text is a
 * character-for-character copy (or a same-length substitution) of the
 * original, so `orig = segment.origStart + (i - segment.start)`. Deleted or
 * collapsed original characters fall between segments. Lookup is a binary
 * search, so the map stays small (one entry per change of offset delta, not
 * one per character) and works for texts of any size.
 */
export interface OffsetMap {
  /** Length of the derived text. */
  readonly length: number;
  /** Original offset of derived offset `i` (0 ≤ i ≤ length); use for start offsets. */
  toOriginal(i: number): number;
  /**
   * Original offset for an exclusive end `i`: the position just after the
   * original character that derived character `i - 1` came from, so trailing
   * deleted characters are not swallowed. `toOriginalEnd(0) === toOriginal(0)`.
   */
  toOriginalEnd(i: number): number;
}

/** Builds an {@link OffsetMap} while a derived string is appended piece by piece. */
export class OffsetMapBuilder {
  private readonly starts: number[] = [];
  private readonly origs: number[] = [];
  private length = 0;
  private lastDelta = Number.NaN;
  private lastOrigEnd = 0;

  /**
   * Record that derived characters [length, length + count) come from original
   * characters [origStart, origStart + count) one for one.
   */
  copy(origStart: number, count: number): void {
    if (count <= 0) return;
    const delta = origStart - this.length;
    if (delta !== this.lastDelta) {
      this.starts.push(this.length);
      this.origs.push(origStart);
      this.lastDelta = delta;
    }
    this.length += count;
    this.lastOrigEnd = origStart + count;
  }

  /** Record one derived character replacing the original range [origStart, origEnd). */
  replace(origStart: number, origEnd: number): void {
    this.copy(origStart, 1);
    this.lastOrigEnd = Math.max(origEnd, origStart + 1);
    // The next copy must start a new segment unless it continues exactly.
    if (origEnd !== origStart + 1) this.lastDelta = Number.NaN;
  }

  build(originalLength: number): OffsetMap {
    return new SegmentOffsetMap(this.starts.slice(), this.origs.slice(), this.length, originalLength, this.lastOrigEnd);
  }
}

class SegmentOffsetMap implements OffsetMap {
  constructor(
    private readonly starts: number[],
    private readonly origs: number[],
    readonly length: number,
    private readonly originalLength: number,
    private readonly lastOrigEnd: number,
  ) {}

  /**
   * The segment found last: look-ups mostly come in text order, so the search goes forward from it in
   * growing steps (a few steps to the next citation, where a search of the whole map takes fourteen).
   */
  private last = 0;

  private segment(i: number): number {
    const starts = this.starts;
    const k = this.last;
    if (starts[k] > i) return (this.last = this.search(i, 0, k - 1));
    let step = 1;
    let lo = k;
    while (lo + step < starts.length && starts[lo + step] <= i) {
      lo += step;
      step *= 2;
    }
    return (this.last = this.search(i, lo, Math.min(lo + step, starts.length) - 1));
  }

  /** The last segment in [lo, hi] that starts at or before i (segment lo does). */
  private search(i: number, lo: number, hi: number): number {
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  toOriginal(i: number): number {
    if (this.starts.length === 0) return Math.min(i, this.originalLength);
    if (i >= this.length) return this.length === 0 ? 0 : this.lastOrigEnd;
    if (i <= 0) return this.origs[0];
    const s = this.segment(i);
    return this.origs[s] + (i - this.starts[s]);
  }

  toOriginalEnd(i: number): number {
    if (i <= 0) return this.toOriginal(0);
    if (i >= this.length) return this.lastOrigEnd;
    return this.toOriginal(i - 1) + 1;
  }
}

/** The map of a string to itself. */
export function identityMap(length: number): OffsetMap {
  return {
    length,
    toOriginal: (i) => Math.max(0, Math.min(i, length)),
    toOriginalEnd: (i) => Math.max(0, Math.min(i, length)),
  };
}
