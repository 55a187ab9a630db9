/**
 * Find in document: searches the assembled text (so a word hyphenated over a
 * line end, or split over two pages, is found as one word) and paints the
 * matches with a highlight of its own over the text layer.
 */
import type { PdfPageText } from './pdf-page-text';

const ALL = 'remisskollen-find';
const CURRENT = 'remisskollen-find-current';
const MAX_MATCHES = 5000;

export interface FindState {
  query: string;
  count: number;
  index: number;
}

const registry = (): HighlightRegistry | undefined => (globalThis.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;

/** The query as a pattern: case-insensitive, any run of white space matching any other. */
function pattern(query: string): RegExp | null {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('\\s+'), 'giu');
}

export class Finder {
  private query = '';
  private matches: { start: number; end: number }[] = [];
  private index = -1;
  private page: PdfPageText | null = null;

  search(page: PdfPageText | null, query: string, direction: 1 | -1 | 0, publish: (s: FindState) => void): void {
    if (query !== this.query || page !== this.page) {
      this.query = query;
      this.page = page;
      this.compute();
      this.index = -1;
    }
    const n = this.matches.length;
    if (n > 0) {
      if (direction === 0) this.index = this.index < 0 ? 0 : this.index;
      else this.index = this.index < 0 ? (direction > 0 ? 0 : n - 1) : (this.index + direction + n) % n;
    }
    this.paint(true);
    publish({ query, count: n, index: this.index });
  }

  /** A new analysis (more pages): the same query over the new text, without moving. */
  refresh(page: PdfPageText, publish: (s: FindState) => void): void {
    if (!this.query) return;
    const current = this.matches[this.index];
    this.page = page;
    this.compute();
    this.index = current ? this.matches.findIndex((m) => m.start === current.start) : -1;
    this.paint(false);
    publish({ query: this.query, count: this.matches.length, index: this.index });
  }

  private compute(): void {
    this.matches = [];
    const re = pattern(this.query);
    if (!re || !this.page) return;
    for (const m of this.page.text.matchAll(re)) {
      this.matches.push({ start: m.index, end: m.index + m[0].length });
      if (this.matches.length >= MAX_MATCHES) break;
    }
  }

  private paint(scroll: boolean): void {
    const reg = registry();
    if (!reg || !this.page) return;
    const ranges = this.matches.map((m) => this.page!.range(m.start, m.end)).filter((r): r is StaticRange => r !== null);
    if (ranges.length) reg.set(ALL, new Highlight(...ranges));
    else reg.delete(ALL);
    const current = this.matches[this.index];
    const range = current ? this.page.range(current.start, current.end) : null;
    if (range) {
      const h = new Highlight(range);
      h.priority = 5;
      reg.set(CURRENT, h);
      if (scroll) (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center', behavior: 'instant' });
    } else reg.delete(CURRENT);
  }

  clear(): void {
    this.query = '';
    this.matches = [];
    this.index = -1;
    this.page = null;
    registry()?.delete(ALL);
    registry()?.delete(CURRENT);
  }
}
