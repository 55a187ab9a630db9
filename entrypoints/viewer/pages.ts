/**
 * The document's pages on screen: one box per page (sized before it is
 * drawn, so the scroll bar is right from the start), pdf.js's text layer in
 * each (built in page order by the controller), and canvases drawn only for
 * the pages near the viewport — and freed when far away, so a 500-page
 * document does not hold 500 bitmaps.
 */
import { t } from '@/components/i18n';
import { TextLayer, RenderingCancelledException, type PDFDocumentProxy, type PDFPageProxy, type RenderTask } from './pdfjs';
import type { PdfContentItem } from '@/lib/pdf';
import type { TextLayerNodes } from './pdf-page-text';

export type TextContent = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;

interface PageView {
  n: number;
  box: HTMLDivElement;
  layerBox: HTMLDivElement;
  canvas: HTMLCanvasElement | null;
  /** Unscaled size in CSS pixels at 100 %. */
  width: number;
  height: number;
  sized: boolean;
  textLayer: TextLayer | null;
  /** Scale the text layer was laid out for. */
  textScale: number;
  /** Scale the canvas was drawn at; 0 = not drawn. */
  drawnScale: number;
  task: RenderTask | null;
  near: boolean;
}

export const ZOOM_STEPS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

export class PageViews {
  private readonly views: PageView[] = [];
  private readonly proxies = new Map<number, Promise<PDFPageProxy>>();
  private readonly observer: IntersectionObserver;
  private drawing = false;
  private destroyed = false;
  scale = 1;
  /** Called when page `n` has been drawn for the first time at the current scale. */
  onDrawn: (n: number) => void = () => {};

  constructor(
    private readonly container: HTMLElement,
    private readonly doc: PDFDocumentProxy,
    private readonly nodes: TextLayerNodes,
  ) {
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: '150% 0px' });
  }

  get count(): number {
    return this.doc.numPages;
  }

  /** Creates every page's box, sized like page 1 until its own size is known. */
  async setUp(scale: number): Promise<void> {
    const first = await this.page(1);
    const vp = first.getViewport({ scale: 1 });
    this.setScale(scale);
    const frag = document.createDocumentFragment();
    for (let n = 1; n <= this.doc.numPages; n++) {
      const box = document.createElement('div');
      box.className = 'page';
      box.dataset.pageNumber = String(n);
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', t('viewer_pageN', String(n)));
      const layerBox = document.createElement('div');
      layerBox.className = 'textLayer';
      box.append(layerBox);
      const view: PageView = {
        n,
        box,
        layerBox,
        canvas: null,
        width: vp.width,
        height: vp.height,
        sized: n === 1,
        textLayer: null,
        textScale: 0,
        drawnScale: 0,
        task: null,
        near: false,
      };
      this.size(view);
      this.views.push(view);
      frag.append(box);
    }
    this.container.replaceChildren(frag);
    for (const v of this.views) this.observer.observe(v.box);
  }

  private size(v: PageView): void {
    v.box.style.width = `calc(var(--total-scale-factor) * ${v.width}px)`;
    v.box.style.height = `calc(var(--total-scale-factor) * ${v.height}px)`;
  }

  page(n: number): Promise<PDFPageProxy> {
    let p = this.proxies.get(n);
    if (!p) {
      p = this.doc.getPage(n);
      this.proxies.set(n, p);
      void p.then(
        (page) => {
          const v = this.views[n - 1];
          if (v && !v.sized) {
            const vp = page.getViewport({ scale: 1 });
            v.width = vp.width;
            v.height = vp.height;
            v.sized = true;
            this.size(v);
          }
        },
        () => {},
      );
    }
    return p;
  }

  box(n: number): HTMLDivElement | null {
    return this.views[n - 1]?.box ?? null;
  }

  /** Builds page `n`'s text layer from its text content (the same object the text assembly reads). */
  async buildTextLayer(n: number, content: TextContent): Promise<void> {
    const v = this.views[n - 1];
    if (!v || v.textLayer) return;
    const page = await this.page(n);
    const layer = new TextLayer({
      textContentSource: content,
      container: v.layerBox,
      viewport: page.getViewport({ scale: this.scale }),
    });
    v.textLayer = layer;
    v.textScale = this.scale;
    await layer.render();
    this.nodes.register(n, content.items as PdfContentItem[], layer.textDivs);
  }

  setScale(scale: number): void {
    this.scale = scale;
    this.container.style.setProperty('--scale-factor', String(scale));
    this.container.style.setProperty('--total-scale-factor', String(scale));
    // Near pages are redrawn; far ones when they come near.
    for (const v of this.views) {
      if (v.near) this.refreshText(v);
    }
    this.pump();
  }

  private refreshText(v: PageView): void {
    if (v.textLayer && v.textScale !== this.scale) {
      v.textScale = this.scale;
      void this.page(v.n).then((page) => v.textLayer?.update({ viewport: page.getViewport({ scale: this.scale }) }));
    }
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const n = Number((e.target as HTMLElement).dataset.pageNumber);
      const v = this.views[n - 1];
      if (!v) continue;
      v.near = e.isIntersecting;
      if (v.near) this.refreshText(v);
      else this.free(v);
    }
    this.pump();
  }

  private free(v: PageView): void {
    v.task?.cancel();
    v.task = null;
    if (v.canvas) {
      v.canvas.width = 0;
      v.canvas.height = 0;
      v.canvas.remove();
      v.canvas = null;
    }
    v.drawnScale = 0;
  }

  /** Draws the near pages one at a time, the first in document order first. */
  private pump(): void {
    if (this.drawing || this.destroyed) return;
    const next = this.views.find((v) => v.near && v.drawnScale !== this.scale && !v.task);
    if (!next) return;
    this.drawing = true;
    void this.draw(next).finally(() => {
      this.drawing = false;
      this.pump();
    });
  }

  private async draw(v: PageView): Promise<void> {
    const scale = this.scale;
    let page: PDFPageProxy;
    try {
      page = await this.page(v.n);
    } catch {
      this.pageError(v);
      return;
    }
    if (!v.near || this.destroyed) return;
    const dpr = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * dpr);
    canvas.height = Math.floor(viewport.height * dpr);
    canvas.setAttribute('aria-hidden', 'true');
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) return;
    const task = page.render({
      canvas,
      canvasContext: ctx,
      viewport,
      transform: dpr !== 1 ? [dpr, 0, 0, dpr, 0, 0] : undefined,
    });
    v.task = task;
    try {
      await task.promise;
    } catch (e) {
      if (!(e instanceof RenderingCancelledException)) this.pageError(v);
      return;
    } finally {
      if (v.task === task) v.task = null;
    }
    if (!v.near || scale !== this.scale) return;
    v.canvas?.remove();
    v.canvas = canvas;
    v.box.prepend(canvas);
    v.box.dataset.drawn = 'true';
    v.drawnScale = scale;
    this.onDrawn(v.n);
  }

  private pageError(v: PageView): void {
    v.drawnScale = this.scale;
    if (v.box.querySelector('.page-error')) return;
    const p = document.createElement('p');
    p.className = 'page-error';
    p.textContent = t('viewer_pageBroken', String(v.n));
    v.box.append(p);
  }

  /** Unscaled width of page `n` (for fit-width). */
  widthOf(n: number): number {
    return this.views[n - 1]?.width ?? 595;
  }

  /** The page at the upper third of the viewport. */
  currentPage(): number {
    const y = window.innerHeight / 3;
    let lo = 0;
    let hi = this.views.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.views[mid].box.getBoundingClientRect().top <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  scrollToPage(n: number, fraction = 0): void {
    const v = this.views[Math.max(0, Math.min(this.views.length - 1, n - 1))];
    if (!v) return;
    const rect = v.box.getBoundingClientRect();
    window.scrollTo({ top: window.scrollY + rect.top + rect.height * fraction - 8, behavior: 'instant' });
  }

  /** Where in its page the viewport's top is: restores the reading position after a zoom. */
  position(): { page: number; fraction: number } {
    const page = this.currentPage();
    const rect = this.views[page - 1]?.box.getBoundingClientRect();
    if (!rect || rect.height === 0) return { page, fraction: 0 };
    return { page, fraction: Math.max(0, Math.min(1, (8 - rect.top) / rect.height)) };
  }

  destroy(): void {
    this.destroyed = true;
    this.observer.disconnect();
    for (const v of this.views) {
      this.free(v);
      v.textLayer?.cancel();
    }
    this.nodes.clear();
    this.container.replaceChildren();
  }
}
