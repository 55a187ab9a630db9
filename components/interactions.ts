/**
 * How a reader reaches a reference's card: hover (after a short pause), click,
 * and the keyboard — Alt+Shift+N / Alt+Shift+P move to the next / previous
 * reference and open its card, Esc closes it.
 */
import type { Citation } from '@/lib';
import type { PageText } from './page-text';
import { CardHost } from './card-host';
import { setActive } from './highlights';

const HOVER_OPEN_MS = 250;
const HOVER_CLOSE_MS = 400;

/** A live Range for geometry (StaticRange has no getBoundingClientRect). */
export function liveRange(r: AbstractRange): Range {
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
}

export class Interactions {
  private page: PageText | null = null;
  private citations: Citation[] = [];
  private ranges: (StaticRange | null)[] = [];
  private readonly card: CardHost;
  private current = -1;
  private pinned = false;
  private openTimer: number | undefined;
  private closeTimer: number | undefined;
  private pendingMove: MouseEvent | null = null;

  /** Listeners live as long as `signal` (the content script's, or a viewer page's). */
  constructor(private readonly signal: AbortSignal) {
    this.card = new CardHost(() => this.close());
    document.addEventListener('mousemove', (e) => this.onMove(e), { passive: true, signal });
    document.addEventListener('click', (e) => this.onClick(e), { capture: true, signal });
    document.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal });
    window.addEventListener('scroll', () => this.pinned || this.close(), { passive: true, signal });
    signal.addEventListener('abort', () => this.destroy());
  }

  update(page: PageText, citations: Citation[], ranges: (StaticRange | null)[]): void {
    this.close();
    this.page = page;
    this.citations = citations;
    this.ranges = ranges;
  }

  cardOpen(): boolean {
    return this.current >= 0;
  }

  cardHostRemoved(): boolean {
    return this.card.hostRemoved;
  }

  /** The citation whose text covers the viewport point, if its painted range really is under it. */
  private citationAt(x: number, y: number): number {
    if (!this.page) return -1;
    const caret = caretAt(x, y);
    if (!caret) return -1;
    const offset = this.page.offsetAt(caret.node, caret.offset);
    if (offset === null) return -1;
    // Last citation starting at or before the offset (citations are in document order).
    let lo = 0;
    let hi = this.citations.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.citations[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = found; i >= 0 && i > found - 3; i--) {
      const range = this.ranges[i];
      if (!range || offset > this.citations[i].end) continue;
      for (const rect of liveRange(range).getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return i;
      }
    }
    return -1;
  }

  private onMove(e: MouseEvent): void {
    if (this.pendingMove) {
      this.pendingMove = e;
      return;
    }
    this.pendingMove = e;
    requestAnimationFrame(() => {
      const move = this.pendingMove!;
      this.pendingMove = null;
      if (this.card.contains(move.target)) {
        clearTimeout(this.closeTimer);
        return;
      }
      const index = this.citationAt(move.clientX, move.clientY);
      clearTimeout(this.openTimer);
      if (index >= 0 && index !== this.current) {
        this.openTimer = window.setTimeout(() => this.open(index, false), HOVER_OPEN_MS);
      } else if (index < 0 && this.current >= 0 && !this.pinned) {
        clearTimeout(this.closeTimer);
        this.closeTimer = window.setTimeout(() => this.close(), HOVER_CLOSE_MS);
      } else if (index === this.current) clearTimeout(this.closeTimer);
    });
  }

  private onClick(e: MouseEvent): void {
    if (this.card.contains(e.target)) return;
    const index = this.citationAt(e.clientX, e.clientY);
    if (index >= 0) {
      this.open(index, false);
      this.pinned = true;
    } else if (this.current >= 0) this.close();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.current >= 0) {
      this.close();
      return;
    }
    if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || isEditable(e.target)) return;
    const key = e.code;
    if (key !== 'KeyN' && key !== 'KeyP') return;
    e.preventDefault();
    e.stopPropagation();
    this.step(key === 'KeyN' ? 1 : -1);
  }

  /** Moves to the next (1) or previous (-1) painted reference, scrolls to it and opens its card. */
  step(direction: 1 | -1): void {
    const n = this.ranges.length;
    if (n === 0) return;
    let i = this.current >= 0 ? this.current : direction === 1 ? -1 : n;
    for (let tries = 0; tries < n; tries++) {
      i = (i + direction + n) % n;
      if (this.ranges[i]) break;
    }
    const range = this.ranges[i];
    if (!range) return;
    (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center', behavior: 'instant' });
    this.open(i, true);
    this.pinned = true;
  }

  private open(index: number, focus: boolean): void {
    const range = this.ranges[index];
    if (!range) return;
    clearTimeout(this.closeTimer);
    this.current = index;
    setActive(range);
    // The union of the reference's lines: the card goes below (or above) all of them.
    const anchor = liveRange(range).getBoundingClientRect();
    this.card.show(this.citations[index], anchor, focus);
  }

  close(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    if (this.current < 0) return; // nothing open: leave a flash from the panel alone
    this.current = -1;
    this.pinned = false;
    setActive(null);
    this.card.hide();
  }

  destroy(): void {
    this.close();
    this.card.destroy();
  }
}
