/**
 * The viewer's life: read the document, show its pages, build their text
 * layers in page order, analyse the text assembled so far in the background
 * (the first page first, then more and more until the whole document), paint
 * the citations over the text layer with the web page's highlights, card and
 * keyboard, and answer the side panel for this tab.
 */
import { browser } from 'wxt/browser';
import type { AnalysisResult } from '@/lib';
import { assemblePdfText, type PdfPageText as PdfPageContent } from '@/lib/pdf';
import {
  AnalyzeTextResponseSchema,
  ViewerRequestSchema,
  type AnalyzeResponse,
  type AnalyzeTextResponse,
  type PageNotice,
} from '@/lib/messages';
import { openPdfRequest } from '@/lib/messages/pdf';
import { onMessage } from '@/components/messaging';
import { clearHighlights, highlightSupported, MAX_HIGHLIGHTS, paintHighlights, setActive } from '@/components/highlights';
import { Interactions } from '@/components/interactions';
import { openPdf, PasswordResponses, type PDFDocumentLoadingTask, type PDFDocumentProxy } from './pdfjs';
import { PageViews, ZOOM_STEPS, type TextContent } from './pages';
import { PdfPageText, TextLayerNodes } from './pdf-page-text';
import { looksTruncated, readSource, sourceName, type Source } from './source';
import { describeLoadError, noTextError, pageList, type ViewerError } from './errors';
import { Store } from './store';
import { Finder } from './find';

export type Zoom = 'fit-width' | number;

export interface ViewerState {
  phase: 'empty' | 'loading' | 'password' | 'error' | 'ready';
  fileName: string;
  sourceUrl: string | null;
  error: ViewerError | null;
  passwordRetry: boolean;
  pageCount: number;
  currentPage: number;
  zoom: Zoom;
  scale: number;
  /** Pages whose text layer is built. */
  extracted: number;
  /** Pages covered by the analysis shown. */
  analysedPages: number;
  citations: number;
  /** Swedish notices shown above the pages (pages without text, truncated file, too many references). */
  notices: string[];
  find: { query: string; count: number; index: number };
  /** Bumped to ask the toolbar to focus the find field (Ctrl+F). */
  focusFind: number;
}

interface Analysis {
  page: PdfPageText;
  result: AnalysisResult;
  pages: number;
}

const FIT_MARGIN = 32;
const ANALYSIS_WAIT_MS = 8000;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
const yieldToUi = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((done) => setTimeout(done, 0));
};

export class ViewerController {
  readonly store = new Store<ViewerState>({
    phase: 'empty',
    fileName: '',
    sourceUrl: null,
    error: null,
    passwordRetry: false,
    pageCount: 0,
    currentPage: 1,
    zoom: 'fit-width',
    scale: 1,
    extracted: 0,
    analysedPages: 0,
    citations: 0,
    notices: [],
    find: { query: '', count: 0, index: -1 },
    focusFind: 0,
  });

  private readonly nodes = new TextLayerNodes();
  private readonly life = new AbortController();
  private docAbort = new AbortController();
  private generation = 0;
  private task: PDFDocumentLoadingTask | null = null;
  private doc: PDFDocumentProxy | null = null;
  private views: PageViews | null = null;
  private bytes: Uint8Array | null = null;
  private source: Source | null = null;
  private passwordCallback: ((password: string) => void) | null = null;
  private contents: PdfPageContent[] = [];
  private analysis: Analysis | null = null;
  private analysing = false;
  /** Pages the last analysis was started for (whatever came of it). */
  private attempted = 0;
  private firstDrawn = false;
  private firstHighlightAt = 0;
  private notices = new Map<string, string>();
  private fullDone = Promise.withResolvers<void>();
  private firstDone = Promise.withResolvers<void>();
  private interactions: Interactions | null = null;
  private noText: ViewerError | null = null;
  private tabId: number | null = null;
  private readonly finder = new Finder();

  constructor(private readonly pagesEl: HTMLElement) {
    const signal = this.life.signal;
    window.addEventListener('scroll', () => this.onScroll(), { passive: true, signal });
    window.addEventListener('resize', () => this.onResize(), { passive: true, signal });
    window.addEventListener('wheel', (e) => this.onWheel(e), { passive: false, signal });
    document.addEventListener('keydown', (e) => this.onKey(e), { signal });
    void this.listenForPanel();
    // Load the analysis engine's law index while the PDF loads: the first page is highlighted sooner.
    void browser.runtime.sendMessage({ type: 'remisskollen/analyze-text', text: '' }).catch(() => {});
  }

  /** For tests and the benchmark: what the viewer assembled and found. */
  debugHandle() {
    return {
      text: () => this.analysis?.page.text ?? null,
      pageOfOffset: (offset: number) => this.analysis?.page.map.pageOfOffset(offset) ?? null,
      analysedPages: () => this.analysis?.pages ?? 0,
      firstHighlightMs: () => this.firstHighlightAt,
    };
  }

  // ---------------------------------------------------------------- loading

  async open(source: Source): Promise<void> {
    const gen = this.reset();
    this.source = source;
    this.store.set({
      phase: 'loading',
      fileName: sourceName(source),
      sourceUrl: source.kind === 'url' ? source.url : null,
    });
    document.title = `${sourceName(source)} – Remisskollen`;
    let bytes: Uint8Array;
    try {
      bytes = await readSource(source);
    } catch (error) {
      if (gen === this.generation) this.fail(describeLoadError(error, false));
      return;
    }
    if (gen !== this.generation) return;
    this.bytes = bytes;
    const truncated = looksTruncated(bytes);
    const task = openPdf(bytes.slice());
    this.task = task;
    task.onPassword = (update: (password: string) => void, reason: number) => {
      if (gen !== this.generation) return;
      this.passwordCallback = update;
      this.store.set({ phase: 'password', passwordRetry: reason === PasswordResponses.INCORRECT_PASSWORD });
    };
    let doc: PDFDocumentProxy;
    try {
      doc = await task.promise;
    } catch (error) {
      if (gen === this.generation) this.fail(describeLoadError(error, truncated));
      return;
    }
    if (gen !== this.generation) return;
    this.doc = doc;
    if (truncated) this.notices.set('truncated', 'Filen verkar ofullständig (hämtningen avbröts?): det som gick att läsa visas.');
    await this.show(doc, gen);
  }

  submitPassword(password: string): void {
    const cb = this.passwordCallback;
    if (!cb) return;
    this.passwordCallback = null;
    this.store.set({ phase: 'loading' });
    cb(password);
  }

  cancelPassword(): void {
    this.passwordCallback = null;
    void this.task?.destroy();
    this.fail({ code: 'password', title: 'Dokumentet är lösenordsskyddat.', detail: 'Det kan inte visas utan lösenord.' });
  }

  private fail(error: ViewerError): void {
    this.store.set({ phase: 'error', error });
    this.firstDone.resolve();
    this.fullDone.resolve();
  }

  private reset(): number {
    this.generation++;
    this.docAbort.abort();
    this.docAbort = new AbortController();
    this.views?.destroy();
    this.views = null;
    void this.task?.destroy();
    this.task = null;
    this.doc = null;
    this.bytes = null;
    this.contents = [];
    this.analysis = null;
    this.analysing = false;
    this.attempted = 0;
    this.firstDrawn = false;
    this.notices = new Map();
    this.noText = null;
    this.passwordCallback = null;
    this.fullDone.resolve();
    this.firstDone.resolve();
    this.fullDone = Promise.withResolvers<void>();
    this.firstDone = Promise.withResolvers<void>();
    this.interactions?.close();
    this.interactions?.update(new PdfPageText('', assemblePdfText([]).map, this.nodes), [], []);
    clearHighlights();
    this.finder.clear();
    this.store.set({
      error: null,
      passwordRetry: false,
      pageCount: 0,
      currentPage: 1,
      extracted: 0,
      analysedPages: 0,
      citations: 0,
      notices: [],
      find: { query: '', count: 0, index: -1 },
    });
    return this.generation;
  }

  private async show(doc: PDFDocumentProxy, gen: number): Promise<void> {
    const views = new PageViews(this.pagesEl, doc, this.nodes);
    this.views = views;
    views.onDrawn = (n) => {
      if (n === 1 && !this.firstDrawn) {
        this.firstDrawn = true;
        this.markFirstHighlight();
      }
    };
    try {
      const first = await doc.getPage(1);
      if (gen !== this.generation) return;
      await views.setUp(this.scaleFor(this.store.get().zoom, first.getViewport({ scale: 1 }).width));
    } catch (error) {
      if (gen === this.generation) this.fail(describeLoadError(error, this.bytes ? looksTruncated(this.bytes) : false));
      return;
    }
    if (gen !== this.generation) return;
    this.store.set({ phase: 'ready', pageCount: doc.numPages, scale: views.scale });
    await this.extractAll(doc, views, gen);
  }

  /** Text content and text layer of every page, in page order; analysis follows behind. */
  private async extractAll(doc: PDFDocumentProxy, views: PageViews, gen: number): Promise<void> {
    for (let n = 1; n <= doc.numPages; n++) {
      let content: TextContent;
      try {
        const page = await views.page(n);
        content = await page.getTextContent({ includeMarkedContent: true });
        await views.buildTextLayer(n, content);
      } catch {
        if (gen !== this.generation) return;
        // A damaged page: no text from it, the others still count.
        content = { items: [], styles: {}, lang: null };
        this.notices.set('damaged-pages', 'Några sidor är skadade och kunde inte läsas helt.');
      }
      if (gen !== this.generation) return;
      this.contents.push({ items: content.items });
      this.store.set({ extracted: n });
      this.kickAnalysis(gen);
      if (n % 4 === 0) await yieldToUi();
    }
  }

  private kickAnalysis(gen: number): void {
    if (this.analysing || gen !== this.generation) return;
    const upTo = this.contents.length;
    if (upTo <= this.attempted) return;
    this.attempted = upTo;
    this.analysing = true;
    void this.analyse(upTo, gen).finally(() => {
      if (gen !== this.generation) return;
      this.analysing = false;
      this.kickAnalysis(gen);
    });
  }

  private async analyse(upTo: number, gen: number): Promise<void> {
    const total = this.doc?.numPages ?? 0;
    const assembled = assemblePdfText(this.contents.slice(0, upTo));
    const complete = upTo === total;
    if (complete && assembled.pagesWithoutText.length > 0) {
      if (assembled.pagesWithoutText.length === total || !assembled.text.trim()) {
        const error = noTextError(assembled.pagesWithoutText, total);
        if (this.bytes && looksTruncated(this.bytes)) {
          this.fail(describeLoadError(null, true));
        } else {
          this.notices.set('no-text', `${error.title} ${error.detail}`);
          this.publishNotices();
          this.noText = error;
          this.firstDone.resolve();
          this.fullDone.resolve();
        }
        return;
      }
      this.notices.set(
        'pages-without-text',
        `Sidorna ${pageList(assembled.pagesWithoutText)} saknar text (inskannade?) och har inte analyserats.`,
      );
      this.publishNotices();
    }
    // Nothing to analyse yet (leading pages without text): wait for more.
    if (!assembled.text.trim()) return;
    let response: AnalyzeTextResponse | undefined;
    try {
      const raw: unknown = await browser.runtime.sendMessage({ type: 'remisskollen/analyze-text', text: assembled.text });
      const parsed = AnalyzeTextResponseSchema.safeParse(raw);
      response = parsed.success ? parsed.data : undefined;
    } catch {
      response = undefined;
    }
    if (gen !== this.generation) return;
    if (!response || !response.ok) {
      this.notices.set('analysis', response?.reason ?? 'Remisskollen har uppdaterats eller startats om. Ladda om sidan.');
      this.publishNotices();
      this.firstDone.resolve();
      if (complete) this.fullDone.resolve();
      return;
    }
    const analysis: Analysis = { page: new PdfPageText(assembled.text, assembled.map, this.nodes), result: response.result, pages: upTo };
    this.analysis = analysis;
    this.paint(analysis);
    this.store.set({ analysedPages: upTo, citations: response.result.citations.length });
    this.finder.refresh(analysis.page, (find) => this.store.set({ find }));
    this.firstDone.resolve();
    this.markFirstHighlight();
    if (complete) {
      this.fullDone.resolve();
      document.documentElement.dataset.analysed = 'complete';
      document.documentElement.dataset.analysedMs = String(Math.round(performance.now()));
      browser.runtime.sendMessage({ type: 'remisskollen/page-changed', url: location.href }).catch(() => {});
    }
  }

  private paint(analysis: Analysis): void {
    if (!highlightSupported()) {
      this.notices.set('highlight-unsupported', 'Webbläsaren kan inte markera text (CSS Custom Highlight API saknas).');
      this.publishNotices();
      return;
    }
    const painted = paintHighlights(analysis.page, analysis.result.citations);
    if (painted.truncated) {
      this.notices.set(
        'too-many-citations',
        `Dokumentet har ${analysis.result.citations.length.toLocaleString('sv-SE')} hänvisningar; de första ${MAX_HIGHLIGHTS.toLocaleString('sv-SE')} markeras.`,
      );
      this.publishNotices();
    }
    this.interactions ??= new Interactions(this.life.signal);
    this.interactions.update(analysis.page, analysis.result.citations, painted.ranges);
    document.documentElement.dataset.highlighted = String(painted.painted);
  }

  private markFirstHighlight(): void {
    if (this.firstHighlightAt || !this.firstDrawn || !this.analysis) return;
    // Milliseconds since the viewer page's navigation started (the benchmark compares with pdf.js alone).
    this.firstHighlightAt = performance.now();
    document.documentElement.dataset.firstHighlightMs = String(Math.round(this.firstHighlightAt));
  }

  private publishNotices(): void {
    this.store.set({ notices: [...this.notices.values()] });
  }

  /**
   * Benchmark baseline (`?measure=first-page&file=`): pdf.js alone reading the file and drawing its
   * first page at the same scale, nothing else; `data-first-page-ms` on <html>.
   */
  async measureFirstPage(source: Source): Promise<void> {
    const bytes = await readSource(source);
    const doc = await openPdf(bytes.slice()).promise;
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: this.scaleFor('fit-width', page.getViewport({ scale: 1 }).width) });
    const dpr = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * dpr);
    canvas.height = Math.floor(viewport.height * dpr);
    this.pagesEl.append(canvas);
    await page.render({ canvas, canvasContext: canvas.getContext('2d', { alpha: false })!, viewport, transform: dpr !== 1 ? [dpr, 0, 0, dpr, 0, 0] : undefined }).promise;
    document.documentElement.dataset.firstPageMs = String(Math.round(performance.now()));
    this.store.set({ phase: 'ready', pageCount: doc.numPages, fileName: sourceName(source) });
  }

  // ---------------------------------------------------------------- side panel

  private async listenForPanel(): Promise<void> {
    const tab = await browser.tabs.getCurrent().catch(() => undefined);
    if (tab?.id === undefined || this.life.signal.aborted) return;
    const tabId = tab.id;
    this.tabId = tabId;
    // Only this tab's viewer answers: a non-matching request must not be answered at all.
    const stop = onMessage(
      ViewerRequestSchema.refine((m) => m.tabId === tabId),
      (message) =>
        message.request.type === 'remisskollen/analyze'
          ? this.panelAnalysis()
          : this.reveal(message.request.start, message.request.end),
    );
    this.life.signal.addEventListener('abort', stop);
  }

  private async panelAnalysis(): Promise<AnalyzeResponse> {
    const state = this.store.get();
    if (state.phase === 'empty') return { ok: false, reason: 'Ingen PDF är öppen i Remisskollens visare.' };
    await Promise.race([this.fullDone.promise, sleep(ANALYSIS_WAIT_MS)]);
    await this.firstDone.promise;
    const now = this.store.get();
    if (now.phase === 'password') return { ok: false, reason: 'PDF-filen är lösenordsskyddad. Skriv lösenordet i visaren.' };
    if (now.phase === 'error' && now.error) return { ok: false, reason: `${now.error.title} ${now.error.detail}` };
    if (this.noText) return { ok: false, reason: `${this.noText.title} ${this.noText.detail}` };
    const analysis = this.analysis;
    if (!analysis) return { ok: false, reason: this.notices.get('analysis') ?? 'Dokumentet har ingen text att analysera.' };
    const notices: PageNotice[] = [];
    const tooMany = this.notices.get('too-many-citations');
    if (tooMany) notices.push({ code: 'too-many-citations', message: tooMany });
    return {
      ok: true,
      url: now.sourceUrl ?? location.href,
      pageTitle: now.fileName,
      textLength: analysis.page.text.length,
      result: analysis.result,
      highlighted: highlightSupported() && analysis.result.citations.length > 0,
      notices,
    };
  }

  /** Scrolls to [start, end) of the analysed text (a citation or a section, on any page) and flashes it. */
  async reveal(start: number, end: number): Promise<{ ok: boolean }> {
    const analysis = this.analysis;
    if (!analysis || !this.views) return { ok: false };
    const range = analysis.page.range(start, end) ?? analysis.page.range(start, Math.min(end, start + 1));
    if (range) {
      (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center', behavior: 'instant' });
      // The scroll's event closes an open card and clears the active mark: mark after it.
      await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      setActive(range);
      setTimeout(() => {
        if (!this.interactions?.cardOpen()) setActive(null);
      }, 1600);
    } else {
      this.views.scrollToPage(analysis.page.map.pageOfOffset(start));
    }
    this.onScroll();
    return { ok: true };
  }

  // ---------------------------------------------------------------- navigation and zoom

  private scaleFor(zoom: Zoom, pageWidth?: number): number {
    if (zoom !== 'fit-width') return zoom;
    const width = pageWidth ?? this.views?.widthOf(this.store.get().currentPage) ?? 595;
    const available = Math.max(200, document.documentElement.clientWidth - FIT_MARGIN);
    return Math.max(0.25, Math.min(4, available / width));
  }

  setZoom(zoom: Zoom): void {
    const views = this.views;
    const scale = this.scaleFor(zoom);
    if (!views) {
      this.store.set({ zoom, scale });
      return;
    }
    const at = views.position();
    views.setScale(scale);
    views.scrollToPage(at.page, at.fraction);
    this.store.set({ zoom, scale });
  }

  zoomStep(direction: 1 | -1): void {
    const scale = this.store.get().scale;
    const next =
      direction > 0 ? ZOOM_STEPS.find((s) => s > scale + 0.001) : [...ZOOM_STEPS].reverse().find((s) => s < scale - 0.001);
    if (next) this.setZoom(next);
  }

  goToPage(n: number): void {
    const count = this.store.get().pageCount;
    if (!this.views || !Number.isFinite(n) || count === 0) return;
    const page = Math.max(1, Math.min(count, Math.round(n)));
    this.views.scrollToPage(page);
    this.store.set({ currentPage: page });
  }

  private scrollFrame = 0;

  private onScroll(): void {
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const page = this.views?.currentPage();
      if (page && page !== this.store.get().currentPage) this.store.set({ currentPage: page });
    });
  }

  private resizeTimer: number | undefined;

  private onResize(): void {
    clearTimeout(this.resizeTimer);
    this.resizeTimer = window.setTimeout(() => {
      if (this.store.get().zoom === 'fit-width') this.setZoom('fit-width');
    }, 150);
  }

  private onWheel(e: WheelEvent): void {
    if (!e.ctrlKey || !this.views) return;
    e.preventDefault();
    this.zoomStep(e.deltaY < 0 ? 1 : -1);
  }

  private onKey(e: KeyboardEvent): void {
    const mod = e.ctrlKey || e.metaKey;
    if (!mod || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 'f') {
      e.preventDefault();
      this.store.set({ focusFind: this.store.get().focusFind + 1 });
    } else if (key === 'p' && this.bytes) {
      e.preventDefault();
      this.print();
    } else if (key === 's' && this.bytes) {
      e.preventDefault();
      this.download();
    } else if (key === '+' || key === '=') {
      e.preventDefault();
      this.zoomStep(1);
    } else if (key === '-') {
      e.preventDefault();
      this.zoomStep(-1);
    } else if (key === '0') {
      e.preventDefault();
      this.setZoom('fit-width');
    }
  }

  // ---------------------------------------------------------------- find

  find(query: string, direction: 1 | -1 | 0): void {
    this.finder.search(this.analysis?.page ?? null, query, direction, (find) => this.store.set({ find }));
  }

  // ---------------------------------------------------------------- the original file

  private blobUrl(): string | null {
    if (!this.bytes) return null;
    return URL.createObjectURL(new Blob([this.bytes.slice().buffer], { type: 'application/pdf' }));
  }

  /** Prints the original file (not this page) with the browser's own PDF printing. */
  print(): void {
    const url = this.blobUrl();
    if (!url) return;
    const frame = document.createElement('iframe');
    frame.className = 'print-frame';
    frame.setAttribute('aria-hidden', 'true');
    frame.src = url;
    frame.addEventListener('load', () => {
      try {
        frame.contentWindow?.focus();
        frame.contentWindow?.print();
      } catch {
        window.open(url, '_blank');
      }
      setTimeout(() => {
        frame.remove();
        URL.revokeObjectURL(url);
      }, 60_000);
    });
    document.body.append(frame);
  }

  download(): void {
    const url = this.blobUrl();
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = /\.pdf$/i.test(this.store.get().fileName) ? this.store.get().fileName : `${this.store.get().fileName}.pdf`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  /** The same document in the browser's own viewer (never redirected back here). */
  openInBrowserViewer(): void {
    const source = this.source;
    if (source?.kind === 'url') {
      void browser.runtime
        .sendMessage(openPdfRequest(source.url, this.tabId ?? undefined, 'browser'))
        .catch(() => location.assign(source.url));
      return;
    }
    const url = this.blobUrl();
    if (url) window.open(url, '_blank');
  }

  /** Asks for permission to read the host (a button click: a user gesture), then loads again. */
  async requestAccess(origin: string): Promise<void> {
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
    if (granted && this.source) await this.open(this.source);
  }

  retry(): void {
    if (this.source) void this.open(this.source);
  }

  destroy(): void {
    this.life.abort();
    this.reset();
  }
}
