/**
 * The viewer's PageText: the document's assembled text (lib/pdf) mapped onto
 * pdf.js's text layer, so the web page's highlights, look-up card and keyboard
 * navigation work unchanged over a PDF.
 *
 * Each text-layer span holds exactly one pdf.js text item's `str` as one text
 * node, so an (page, item, char) location from lib/pdf's offset map is a
 * (text node, offset) DOM position.
 */
import type { PageText } from '@/components/page-text';
import type { PdfContentItem, PdfOffsetMap } from '@/lib/pdf';

interface Owner {
  page: number;
  item: number;
}

/** Text nodes of the rendered text layers, by page and item index. */
export class TextLayerNodes {
  private readonly pages = new Map<number, (Text | null)[]>();
  private readonly owners = new WeakMap<Node, Owner>();

  /** Records a page's layer: `divs` are pdf.js TextLayer's `textDivs`, one per item that has `str`. */
  register(page: number, items: readonly PdfContentItem[], divs: readonly HTMLElement[]): void {
    const nodes: (Text | null)[] = [];
    let d = 0;
    items.forEach((item, index) => {
      if (typeof (item as { str?: unknown }).str !== 'string') {
        nodes.push(null);
        return;
      }
      const div = divs[d++];
      const node = div?.firstChild instanceof Text ? div.firstChild : null;
      nodes.push(node);
      if (node) {
        this.owners.set(node, { page, item: index });
        this.owners.set(div, { page, item: index });
      }
    });
    this.pages.set(page, nodes);
  }

  has(page: number): boolean {
    return this.pages.has(page);
  }

  node(page: number, item: number): Text | null {
    return this.pages.get(page)?.[item] ?? null;
  }

  owner(node: Node): { owner: Owner; text: Text } | null {
    const o = this.owners.get(node);
    if (!o) return null;
    const text = node instanceof Text ? node : this.node(o.page, o.item);
    return text ? { owner: o, text } : null;
  }

  clear(): void {
    this.pages.clear();
  }
}

export class PdfPageText implements PageText {
  /** Per page: item index → text offset of each of its characters (-1 where the assembly left it out). */
  private readonly inverse = new Map<number, Map<number, Int32Array>>();

  constructor(
    readonly text: string,
    readonly map: PdfOffsetMap,
    private readonly nodes: TextLayerNodes,
  ) {}

  range(start: number, end: number): StaticRange | null {
    const spans = this.map.locateRange(start, end);
    if (spans.length === 0) return null;
    const first = spans[0];
    const last = spans[spans.length - 1];
    const a = this.nodes.node(first.page, first.item);
    const b = this.nodes.node(last.page, last.item);
    if (!a || !b) return null;
    // A range covers everything between its ends in DOM order: refuse one whose ends are out of order.
    if (a !== b && a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING) return null;
    if (a === b && last.end < first.start) return null;
    try {
      return new StaticRange({ startContainer: a, startOffset: first.start, endContainer: b, endOffset: last.end });
    } catch {
      return null;
    }
  }

  offsetAt(node: Node, nodeOffset: number): number | null {
    const found = this.nodes.owner(node);
    if (!found) return null;
    const { owner, text } = found;
    const chars = this.itemOffsets(owner.page)?.get(owner.item);
    if (!chars || chars.length === 0) return null;
    const at = node === text ? nodeOffset : 0;
    const i = Math.max(0, Math.min(at, chars.length - 1));
    if (chars[i] >= 0) return chars[i] + (at >= chars.length ? 1 : 0);
    for (let j = i - 1; j >= 0; j--) if (chars[j] >= 0) return chars[j] + 1;
    for (let j = i + 1; j < chars.length; j++) if (chars[j] >= 0) return chars[j];
    return null;
  }

  private itemOffsets(page: number): Map<number, Int32Array> | null {
    const cached = this.inverse.get(page);
    if (cached) return cached;
    if (page < 1 || page > this.map.pageCount) return null;
    const table = new Map<number, Int32Array>();
    const from = this.map.pageStart(page);
    const to = this.map.pageEnd(page);
    for (let o = from; o < to; o++) {
      const loc = this.map.locate(o);
      if (!loc || loc.page !== page) continue;
      let chars = table.get(loc.item);
      if (!chars) {
        const len = this.nodes.node(page, loc.item)?.length ?? 0;
        chars = new Int32Array(Math.max(len, loc.char + 1)).fill(-1);
        table.set(loc.item, chars);
      }
      if (loc.char < chars.length) chars[loc.char] = o;
    }
    this.inverse.set(page, table);
    return table;
  }
}
