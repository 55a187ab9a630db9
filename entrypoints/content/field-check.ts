/**
 * "Check the focused text field" (issue 8), in the content script: the text of
 * the focused (or last focused) textarea, text input or contenteditable editor,
 * and the findings painted as underlines in an overlay over it.
 *
 * The field is never changed: no value, attribute, style or child of it is
 * written. The overlay is a shadow-root host of its own, absolutely positioned
 * in the page, pointer-events none. Places come from
 *  - a textarea/input: a mirror element with the field's text metrics (font,
 *    padding, border, wrapping, width) inside the overlay, and DOM Ranges on
 *    the mirror's text node, shifted by the field's scroll position and clipped to its box;
 *  - a contenteditable: DOM Ranges on the editor's own text nodes (reading the
 *    DOM does not change it), using the text↔node map built when its text was read.
 *
 * DOM only (no extension API), so it can be bundled and tested on its own.
 * Wire it in the content script:  `onMessage(FieldRequestSchema, handleFieldRequest)` and `trackFocusedField()`.
 */
import type { FieldMark, FieldPaintResponse, FieldRequest, FieldTextResponse } from '@/lib/messages/draft';

type TextField = HTMLTextAreaElement | HTMLInputElement;
type Field = TextField | HTMLElement;

interface Segment {
  node: Text;
  start: number;
  end: number;
}

const TEXT_INPUTS = new Set(['text', 'search', '']);
const PARA_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'TABLE', 'UL', 'OL', 'PRE']);
const LINE_BLOCKS = new Set(['DIV', 'TR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'DD', 'DT']);

function isTextField(el: Element): el is TextField {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_INPUTS.has(el.type));
}

/** The outermost contenteditable element around `el`, or null. */
function editableHost(el: Element | null): HTMLElement | null {
  let host: HTMLElement | null = null;
  for (let n: Element | null = el; n; n = n.parentElement) {
    if (n instanceof HTMLElement && n.isContentEditable) host = n;
    else if (host) break;
  }
  return host;
}

let lastField: Field | null = null;

/** Remembers the last focused text field (the panel's button takes the focus away). Returns the unsubscribe. */
export function trackFocusedField(doc: Document = document): () => void {
  const onFocus = (e: FocusEvent) => {
    const t = e.target instanceof Element ? e.target : null;
    if (!t) return;
    if (isTextField(t)) lastField = t;
    else {
      const host = editableHost(t);
      if (host) lastField = host;
    }
  };
  doc.addEventListener('focusin', onFocus, true);
  return () => doc.removeEventListener('focusin', onFocus, true);
}

/** The focused field, else the last focused one still in the page. */
export function currentField(doc: Document = document): Field | null {
  const active = doc.activeElement;
  if (active && isTextField(active)) return active;
  const host = editableHost(active);
  if (host) return host;
  return lastField && lastField.isConnected ? lastField : null;
}

/** A contenteditable's text with blocks as line breaks, and where each text node's characters are. */
export function editableText(host: HTMLElement): { text: string; segments: Segment[] } {
  let text = '';
  const segments: Segment[] = [];
  const breakTo = (n: number) => {
    if (!text) return;
    const have = /\n*$/.exec(text)?.[0].length ?? 0;
    if (have < n) text += '\n'.repeat(n - have);
  };
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const value = (child as Text).data;
        if (!value) continue;
        segments.push({ node: child as Text, start: text.length, end: text.length + value.length });
        text += value;
      } else if (child instanceof HTMLElement) {
        if (child.tagName === 'BR') text += '\n';
        else if (child.tagName === 'SCRIPT' || child.tagName === 'STYLE') continue;
        else if (PARA_BLOCKS.has(child.tagName)) {
          breakTo(2);
          walk(child);
          breakTo(2);
        } else if (LINE_BLOCKS.has(child.tagName)) {
          breakTo(1);
          walk(child);
          breakTo(1);
        } else walk(child);
      }
    }
  };
  walk(host);
  return { text, segments };
}

function labelOf(el: Field): string | undefined {
  const aria = el.getAttribute('aria-label');
  if (aria) return aria.slice(0, 300);
  if (isTextField(el)) {
    const label = el.labels?.[0]?.textContent?.trim();
    return (label || el.placeholder || el.name || undefined)?.slice(0, 300);
  }
  return undefined;
}

/** The text of the focused (or last focused) field. */
export function readField(doc: Document = document): FieldTextResponse {
  const field = currentField(doc);
  if (!field) return { ok: false, reason: 'Inget textfält på sidan har fokus. Klicka i fältet och försök igen.' };
  const label = labelOf(field);
  if (isTextField(field)) {
    return { ok: true, text: field.value, field: field instanceof HTMLTextAreaElement ? 'textarea' : 'input', ...(label ? { label } : {}) };
  }
  return { ok: true, text: editableText(field).text, field: 'contenteditable', ...(label ? { label } : {}) };
}

const COPIED_STYLES = [
  'box-sizing', 'width', 'height', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width', 'border-style',
  'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch', 'line-height',
  'letter-spacing', 'word-spacing', 'text-indent', 'text-transform', 'text-align', 'tab-size', 'direction',
  'white-space', 'word-break', 'overflow-wrap',
] as const;

const COLORS: Record<FieldMark['severity'], string> = { error: '#d0021b', warning: '#e08a00', info: '#1a73e8' };

interface Box {
  left: number;
  top: number;
  width: number;
}

/** The overlay: one per page, re-painted on scroll, resize and the field's scroll. */
export class FieldOverlay {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private layer: HTMLElement | null = null;
  private field: Field | null = null;
  private marks: FieldMark[] = [];
  private segments: Segment[] = [];
  private frame = 0;
  private readonly doc: Document;
  private readonly onMove = () => this.schedule();
  private readonly onEdit = () => this.clear();

  constructor(doc: Document = document) {
    this.doc = doc;
  }

  /** Underlines `marks` (offsets into `text`) over `field`; nothing when the field no longer holds `text`. */
  paint(field: Field, text: string, marks: FieldMark[]): number {
    this.clear();
    const current = isTextField(field) ? field.value : editableText(field).text;
    if (current !== text) return 0;
    this.field = field;
    this.marks = marks.filter((m) => m.end > m.start && m.end <= text.length);
    if (!isTextField(field)) this.segments = editableText(field).segments;
    this.ensureHost();
    const win = this.doc.defaultView;
    win?.addEventListener('scroll', this.onMove, { capture: true, passive: true });
    win?.addEventListener('resize', this.onMove, { passive: true });
    field.addEventListener('input', this.onEdit);
    return this.render();
  }

  clear(): void {
    const win = this.doc.defaultView;
    win?.removeEventListener('scroll', this.onMove, { capture: true });
    win?.removeEventListener('resize', this.onMove);
    this.field?.removeEventListener('input', this.onEdit);
    if (this.frame) win?.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.field = null;
    this.marks = [];
    this.segments = [];
    this.host?.remove();
    this.host = this.root = this.layer = null;
  }

  /** The underline boxes currently shown (page coordinates), for tests and diagnostics. */
  boxes(): { left: number; top: number; width: number; severity: string }[] {
    return [...(this.layer?.children ?? [])].map((el) => {
      const s = (el as HTMLElement).style;
      return { left: parseFloat(s.left), top: parseFloat(s.top), width: parseFloat(s.width), severity: (el as HTMLElement).dataset.severity ?? '' };
    });
  }

  private schedule(): void {
    const win = this.doc.defaultView;
    if (!win || this.frame) return;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private ensureHost(): void {
    if (this.host?.isConnected) return;
    const host = this.doc.createElement('remisskollen-field-marks');
    // page styles must not move or show it: everything reset, then placed at the page's origin
    host.style.cssText =
      'all:initial!important;position:absolute!important;left:0!important;top:0!important;width:0!important;height:0!important;overflow:visible!important;pointer-events:none!important;z-index:2147483646!important;';
    const root = host.attachShadow({ mode: 'open' });
    const layer = this.doc.createElement('div');
    layer.setAttribute('part', 'layer');
    root.append(layer);
    this.doc.documentElement.append(host);
    this.host = host;
    this.root = root;
    this.layer = layer;
  }

  private render(): number {
    const field = this.field;
    const layer = this.layer;
    if (!field || !layer || !field.isConnected) return 0;
    layer.replaceChildren();
    const win = this.doc.defaultView!;
    const fr = field.getBoundingClientRect();
    const cs = win.getComputedStyle(field);
    // the visible content box of the field, in viewport coordinates
    const clip = {
      left: fr.left + parseFloat(cs.borderLeftWidth),
      top: fr.top + parseFloat(cs.borderTopWidth),
      right: fr.right - parseFloat(cs.borderRightWidth),
      bottom: fr.bottom - parseFloat(cs.borderBottomWidth),
    };
    const rectsFor = isTextField(field) ? this.mirrorRects(field, fr, cs) : (m: FieldMark) => this.editableRects(m);
    let painted = 0;
    for (const m of this.marks) {
      const boxes: Box[] = [];
      for (const r of rectsFor(m)) {
        if (r.width <= 0) continue;
        const bottom = r.bottom;
        if (bottom < clip.top || bottom > clip.bottom + 1) continue;
        const left = Math.max(r.left, clip.left);
        const right = Math.min(r.right, clip.right);
        if (right <= left) continue;
        boxes.push({ left: left + win.scrollX, top: bottom - 2 + win.scrollY, width: right - left });
      }
      if (boxes.length) painted++;
      for (const b of boxes) {
        const el = this.doc.createElement('div');
        el.dataset.severity = m.severity;
        el.title = m.message;
        el.style.cssText = `position:absolute;left:${b.left}px;top:${b.top}px;width:${b.width}px;height:0;border-bottom:2px ${m.severity === 'info' ? 'dotted' : 'solid'} ${COLORS[m.severity]};pointer-events:none;`;
        layer.append(el);
      }
    }
    this.root?.host.setAttribute('data-painted', String(painted));
    return painted;
  }

  /** A mirror of the textarea in the overlay: Ranges on its text node give the places of the field's characters. */
  private mirrorRects(field: TextField, fr: DOMRect, cs: CSSStyleDeclaration): (m: FieldMark) => DOMRect[] {
    const mirror = this.doc.createElement('div');
    for (const p of COPIED_STYLES) mirror.style.setProperty(p, cs.getPropertyValue(p));
    mirror.style.position = 'absolute';
    mirror.style.visibility = 'hidden';
    mirror.style.overflow = 'hidden';
    mirror.style.borderColor = 'transparent';
    mirror.style.left = `${fr.left + this.doc.defaultView!.scrollX}px`;
    mirror.style.top = `${fr.top + this.doc.defaultView!.scrollY}px`;
    if (field instanceof HTMLTextAreaElement) {
      mirror.style.whiteSpace = 'pre-wrap';
      if (cs.overflowWrap === 'normal' && cs.wordBreak === 'normal') mirror.style.overflowWrap = 'break-word';
      // the textarea's scrollbar takes width from its text
      mirror.style.width = `${fr.width - (field.offsetWidth - field.clientWidth - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth))}px`;
      mirror.style.boxSizing = 'border-box';
    } else {
      mirror.style.whiteSpace = 'pre';
    }
    const node = this.doc.createTextNode(field.value);
    mirror.append(node);
    this.layer!.append(mirror);
    const dx = field.scrollLeft;
    const dy = field.scrollTop;
    const all = new Map<FieldMark, DOMRect[]>();
    for (const m of this.marks) {
      const range = this.doc.createRange();
      range.setStart(node, m.start);
      range.setEnd(node, m.end);
      all.set(m, [...range.getClientRects()].map((r) => new DOMRect(r.left - dx, r.top - dy, r.width, r.height)));
    }
    mirror.remove();
    return (m) => all.get(m) ?? [];
  }

  private editableRects(m: FieldMark): DOMRect[] {
    const out: DOMRect[] = [];
    for (const s of this.segments) {
      if (s.end <= m.start || s.start >= m.end || !s.node.isConnected) continue;
      const range = this.doc.createRange();
      range.setStart(s.node, Math.max(0, m.start - s.start));
      range.setEnd(s.node, Math.min(s.node.data.length, m.end - s.start));
      out.push(...range.getClientRects());
    }
    return out;
  }
}

let overlay: FieldOverlay | null = null;

/** Answers the panel's field requests (FieldRequestSchema). */
export function handleFieldRequest(request: FieldRequest, doc: Document = document): FieldTextResponse | FieldPaintResponse {
  overlay ??= new FieldOverlay(doc);
  if (request.type === 'remisskollen/field-text') return readField(doc);
  if (request.type === 'remisskollen/field-clear') {
    overlay.clear();
    return { ok: true, painted: 0 };
  }
  const field = currentField(doc);
  if (!field) return { ok: false, painted: 0, reason: 'Textfältet finns inte längre på sidan.' };
  const painted = overlay.paint(field, request.text, request.marks);
  return painted > 0 || request.marks.length === 0
    ? { ok: true, painted }
    : { ok: false, painted: 0, reason: 'Fältets text har ändrats sedan kontrollen; kontrollera igen.' };
}
