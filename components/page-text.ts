/**
 * The visible text of a web page as one string, plus a map between offsets in
 * that string and DOM positions — so what `lib/` finds in the text can be
 * painted over the page's own words without touching its DOM.
 *
 * Block elements and <br> become line breaks (paragraph-like blocks a blank
 * line, as a reader sees them), runs of white space collapse to one space as
 * the browser renders them, soft hyphens are dropped; text split across inline
 * elements (<span>, <a>, <em>) stays one run of text.
 *
 * The walk is incremental: `extractPageTextAsync` gives the page's main thread
 * back every few milliseconds, so a 1 MB page never freezes.
 */

const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'TEXTAREA', 'SELECT',
  'INPUT', 'BUTTON', 'HEAD', 'VIDEO', 'AUDIO', 'MATH',
]);
/** Paragraph-like blocks: a blank line before and after. */
const PARAGRAPH = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TABLE', 'UL', 'OL', 'DL', 'FIGURE', 'HR']);
const BLOCK = new Set([
  'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'NAV', 'ASIDE', 'LI', 'DT', 'DD', 'TR', 'CAPTION',
  'FIGCAPTION', 'ADDRESS', 'FORM', 'FIELDSET', 'LEGEND', 'DETAILS', 'SUMMARY', 'BODY', 'CENTER',
]);
const CELL = new Set(['TD', 'TH']);
const SOFT_HYPHEN = 0xad;

interface Segment {
  /** Offset in the extracted text. */
  start: number;
  length: number;
  node: Text;
  /** Offset in `node.data` of the segment's first character. */
  nodeStart: number;
}

export interface PageText {
  text: string;
  /** Main-thread time the extraction took, in ms (summed over its slices), and its longest slice. */
  readonly cost?: { busyMs: number; longestSliceMs: number };
  /** A range over the page's own text nodes for [start, end) of `text`; null when nothing maps. */
  range(start: number, end: number): StaticRange | null;
  /** The offset in `text` of a DOM caret position, or null when that node is not part of the text. */
  offsetAt(node: Node, nodeOffset: number): number | null;
}

export interface ExtractOptions {
  /** Elements whose subtree is not part of the document (the extension's own UI). */
  exclude?: (element: Element) => boolean;
}

type Tail = 'start' | 'space' | 'newline' | 'blank' | 'char';

/** Builds the text step by step; `run(deadline)` returns true when the whole tree is done. */
class PageTextBuilder {
  private readonly parts: string[] = [];
  private readonly segments: Segment[] = [];
  private length = 0;
  private tail: Tail = 'start';
  /** Explicit walk stack: an element to enter, or a marker to close a block. */
  private readonly stack: ({ node: Node; pre: boolean } | { close: 'paragraph' | 'block' | 'cell' })[] = [];

  constructor(
    root: Element,
    private readonly options: ExtractOptions,
  ) {
    this.stack.push({ node: root, pre: false });
  }

  run(deadline: number): boolean {
    let steps = 0;
    while (this.stack.length > 0) {
      if ((++steps & 127) === 0 && performance.now() > deadline) return false;
      const item = this.stack.pop()!;
      if ('close' in item) {
        if (item.close === 'cell') this.cellBreak();
        else this.lineBreak(item.close === 'paragraph');
        continue;
      }
      this.visit(item.node, item.pre);
    }
    return true;
  }

  private visit(node: Node, pre: boolean): void {
    if (node.nodeType === Node.TEXT_NODE) {
      this.appendText(node as Text, pre);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') {
      this.lineBreak(false);
      return;
    }
    if (SKIP.has(tag) || el.hasAttribute('hidden') || this.options.exclude?.(el)) return;
    if (el instanceof HTMLElement && el.checkVisibility && !el.checkVisibility({ visibilityProperty: true })) return;
    const paragraph = PARAGRAPH.has(tag);
    const block = paragraph || BLOCK.has(tag);
    if (block) {
      this.lineBreak(paragraph);
      this.stack.push({ close: paragraph ? 'paragraph' : 'block' });
    } else if (CELL.has(tag)) {
      this.stack.push({ close: 'cell' });
    }
    const childPre = pre || tag === 'PRE';
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) this.stack.push({ node: children[i], pre: childPre });
  }

  private emit(s: string, tail: Tail): void {
    this.parts.push(s);
    this.length += s.length;
    this.tail = tail;
  }

  private lineBreak(blank: boolean): void {
    const tail = this.tail;
    if (tail === 'start' || tail === 'blank' || (!blank && tail === 'newline')) return;
    if (blank) this.emit(tail === 'newline' ? '\n' : '\n\n', 'blank');
    else this.emit('\n', 'newline');
  }

  private cellBreak(): void {
    if (this.tail === 'char') this.emit('\t', 'space');
  }

  private appendText(node: Text, pre: boolean): void {
    const data = node.data;
    let out = '';
    let runStart = -1; // start in `data` of the current one-to-one run
    let runTextStart = 0;
    const flush = (endInData: number) => {
      if (runStart >= 0 && endInData > runStart) {
        this.segments.push({ start: runTextStart, length: endInData - runStart, node, nodeStart: runStart });
      }
      runStart = -1;
    };
    const open = (i: number) => {
      if (runStart < 0) {
        runStart = i;
        runTextStart = this.length + out.length;
      }
    };
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      if (code === SOFT_HYPHEN) {
        flush(i);
        continue;
      }
      const space = code === 32 || code === 9 || code === 10 || code === 13 || code === 12;
      if (space && !pre) {
        if (this.tail === 'char') {
          open(i);
          out += ' ';
          this.tail = 'space';
          flush(i + 1);
        } else flush(i);
        continue;
      }
      open(i);
      out += data[i];
      this.tail = code === 10 ? 'newline' : 'char';
    }
    flush(data.length);
    this.parts.push(out);
    this.length += out.length;
  }

  result(): PageText {
    return new MappedPageText(this.parts.join(''), this.segments);
  }
}

class MappedPageText implements PageText {
  private byNode: Map<Text, Segment[]> | null = null;

  constructor(
    readonly text: string,
    private readonly segments: Segment[],
  ) {}

  /** The segment holding `offset`; in a synthetic character (a line break we added) the next one, or with `before` the previous. */
  private segmentAt(offset: number, before: boolean): Segment | null {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return before ? null : (segs[0] ?? null);
    const seg = segs[found];
    if (offset < seg.start + seg.length || before) return seg;
    return segs[found + 1] ?? null;
  }

  range(start: number, end: number): StaticRange | null {
    if (end <= start) return null;
    const first = this.segmentAt(start, false);
    const last = this.segmentAt(end - 1, true);
    if (!first || !last || first.start > last.start) return null;
    try {
      return new StaticRange({
        startContainer: first.node,
        startOffset: first.nodeStart + Math.max(0, start - first.start),
        endContainer: last.node,
        endOffset: last.nodeStart + Math.min(last.length, end - last.start),
      });
    } catch {
      return null;
    }
  }

  offsetAt(node: Node, nodeOffset: number): number | null {
    if (!this.byNode) {
      this.byNode = new Map();
      for (const seg of this.segments) {
        const list = this.byNode.get(seg.node);
        if (list) list.push(seg);
        else this.byNode.set(seg.node, [seg]);
      }
    }
    const list = this.byNode.get(node as Text);
    if (!list) return null;
    for (const seg of list) {
      if (nodeOffset >= seg.nodeStart && nodeOffset <= seg.nodeStart + seg.length) {
        return seg.start + Math.min(seg.length, nodeOffset - seg.nodeStart);
      }
    }
    return null;
  }
}

/** The whole page at once (tests, small pages). */
export function extractPageText(root: Element, options: ExtractOptions = {}): PageText {
  const builder = new PageTextBuilder(root, options);
  builder.run(Number.POSITIVE_INFINITY);
  return builder.result();
}

/** Yields to the event loop so the page stays responsive. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((done) => setTimeout(done, 0));
}

/** The page's text in slices of `sliceMs`, giving the main thread back between them. Aborts with `signal`. */
export async function extractPageTextAsync(
  root: Element,
  options: ExtractOptions & { sliceMs?: number; signal?: AbortSignal } = {},
): Promise<PageText> {
  const builder = new PageTextBuilder(root, options);
  const slice = options.sliceMs ?? 8;
  let busyMs = 0;
  let longestSliceMs = 0;
  for (;;) {
    const start = performance.now();
    const done = builder.run(start + slice);
    const spent = performance.now() - start;
    busyMs += spent;
    longestSliceMs = Math.max(longestSliceMs, spent);
    if (done) break;
    await yieldToPage();
    options.signal?.throwIfAborted();
  }
  return Object.assign(builder.result(), { cost: { busyMs, longestSliceMs } });
}
