/**
 * One page's life with Remisskollen: extract the text (in slices), have the
 * background analyse it (off the page's main thread), paint the references,
 * wire the card and the keyboard, and re-analyse when the page changes.
 * Everything stops when the page navigates away or the extension is updated.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AnalysisResult } from '@/lib';
import {
  AnalyzeTextResponseSchema,
  type AnalyzeResponse,
  type AnalyzeTextResponse,
  type PageNotice,
} from '@/lib/messages';
import { extractPageTextAsync, type PageText } from '@/components/page-text';
import { CARD_HOST_TAG } from '@/components/card-host';
import { isCouncilDocument } from './detect';
import { clearHighlights, highlightSupported, highlightsIntact, MAX_HIGHLIGHTS, paintHighlightsInSlices, setActive, type Painted } from '@/components/highlights';
import { Interactions, liveRange } from '@/components/interactions';
import { settings } from '@/components/settings';

const REANALYSE_AFTER_MS = 750;

interface Timing {
  mainThreadMs: number;
  longestTaskMs: number;
  totalMs: number;
}

interface Analysed {
  page: PageText;
  /** The profile asked for ("" = chosen from the kind). */
  profile: string;
  result: AnalysisResult;
  truncated?: { citations: number; problems: number };
  timing: Timing;
}

export class PageSession {
  private current: Analysed | null = null;
  private running: Promise<Analysed | { error: string }> | null = null;
  /** The page's text, kept until the page changes, so a new profile needs no new extraction. */
  private page: PageText | null = null;
  private painted: Painted | null = null;
  private highlighting = false;
  private interactions: Interactions | null = null;
  private observer: MutationObserver | null = null;
  private readonly notices = new Map<PageNotice['code'], string>();

  constructor(private readonly ctx: ContentScriptContext) {
    ctx.onInvalidated(() => this.stop());
    ctx.addEventListener(window, 'wxt:locationchange', () => this.scheduleReanalysis());
  }

  /** The page's analysis for the panel. `userAsked` highlights even a page that is no council document. */
  async analysis(userAsked: boolean, requestedProfile?: string): Promise<AnalyzeResponse> {
    if (userAsked) this.highlighting = true;
    const chosen = (await settings.get()).profile;
    const profile = requestedProfile ?? (chosen === 'auto' ? '' : chosen);
    if (this.current && this.current.profile !== profile) this.current = null;
    if (this.current && this.painted && !highlightsIntact(this.painted.painted > 0)) {
      this.notices.set('highlights-cleared', 'Sidan tog bort Remisskollens markeringar; de har lagts tillbaka.');
      await this.paint(this.current);
    }
    const done = await (this.current ? Promise.resolve(this.current) : this.run(profile));
    if ('error' in done) return { ok: false, reason: done.error };
    if (this.highlighting && !this.painted) await this.paint(done);
    if (this.interactions?.cardHostRemoved()) {
      this.notices.set('card-host-removed', 'Sidan tog bort Remisskollens uppslagskort; det skapas på nytt vid behov.');
    }
    return {
      ok: true,
      url: location.href,
      pageTitle: document.title,
      textLength: done.page.text.length,
      result: done.result,
      truncated: done.truncated,
      timing: done.timing,
      highlighted: this.painted !== null && this.painted.painted > 0,
      notices: [...this.notices].map(([code, message]) => ({ code, message })),
    };
  }

  /** Scrolls the document to [start, end) of the analysed text and flashes it. */
  reveal(start: number, end: number): { ok: boolean } {
    const range = this.current?.page.range(start, end);
    if (!range) return { ok: false };
    const live = liveRange(range);
    (live.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center', behavior: 'instant' });
    setActive(range);
    this.ctx.setTimeout(() => {
      if (!this.interactions?.cardOpen()) setActive(null);
    }, 1600);
    return { ok: true };
  }

  private run(profile: string): Promise<Analysed | { error: string }> {
    this.running ??= this.analyse(profile).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async analyse(profile: string): Promise<Analysed | { error: string }> {
    const started = performance.now();
    let page = this.page;
    try {
      page ??= await extractPageTextAsync(document.body ?? document.documentElement, {
        exclude: (el) => el.localName === CARD_HOST_TAG,
        signal: this.ctx.signal,
      });
    } catch {
      return { error: 'Sidan kunde inte läsas.' };
    }
    this.page = page;
    if (!page.text.trim()) return { error: 'Sidan har ingen text att analysera.' };
    let response: AnalyzeTextResponse | undefined;
    try {
      const raw: unknown = await browser.runtime.sendMessage({
        type: 'remisskollen/analyze-text',
        text: page.text,
        ...(profile ? { profile } : {}),
      });
      const parsed = AnalyzeTextResponseSchema.safeParse(raw);
      response = parsed.success ? parsed.data : undefined;
    } catch {
      response = undefined;
    }
    if (!response) return { error: 'Remisskollen har uppdaterats eller startats om. Ladda om sidan.' };
    if (!response.ok) return { error: response.reason };
    const extraction = page.cost ?? { busyMs: 0, longestSliceMs: 0 };
    const analysed: Analysed = {
      page,
      profile,
      result: response.result,
      truncated: response.truncated,
      timing: { mainThreadMs: extraction.busyMs, longestTaskMs: extraction.longestSliceMs, totalMs: 0 },
    };
    this.current = analysed;
    if (isCouncilDocument(analysed.result)) this.highlighting = true;
    else this.notices.set('not-a-council-document', 'Sidan ser inte ut som en nämndhandling.');
    if (this.highlighting) {
      const cost = await this.paint(analysed);
      analysed.timing.mainThreadMs += cost.busyMs;
      analysed.timing.longestTaskMs = Math.max(analysed.timing.longestTaskMs, cost.longestSliceMs);
    }
    analysed.timing.totalMs = performance.now() - started;
    this.observe();
    return analysed;
  }

  /** Paints the references in slices; returns the main-thread time it took. */
  private async paint(analysed: Analysed): Promise<{ busyMs: number; longestSliceMs: number }> {
    if (!highlightSupported()) {
      this.notices.set('highlight-unsupported', 'Webbläsaren kan inte markera text (CSS Custom Highlight API saknas).');
      return { busyMs: 0, longestSliceMs: 0 };
    }
    this.notices.delete('not-a-council-document');
    const painted = await paintHighlightsInSlices(analysed.page, analysed.result.citations);
    this.painted = painted;
    const total = analysed.truncated?.citations ?? analysed.result.citations.length;
    if (total > MAX_HIGHLIGHTS) {
      this.notices.set(
        'too-many-citations',
        `Sidan har ${total.toLocaleString('sv-SE')} hänvisningar; de första ${MAX_HIGHLIGHTS.toLocaleString('sv-SE')} markeras.`,
      );
    }
    this.interactions ??= new Interactions(this.ctx.signal);
    this.interactions.update(analysed.page, analysed.result.citations, painted.ranges);
    return painted;
  }

  /** A narrow, debounced observer: only changes to the page's own content (not our card) trigger a new analysis. */
  private observe(): void {
    if (this.observer || !document.body) return;
    this.observer = new MutationObserver((records) => {
      const relevant = records.some((r) => {
        const target = r.target instanceof Element ? r.target : r.target.parentElement;
        return !target?.closest(CARD_HOST_TAG) && !(r.addedNodes.length === 1 && (r.addedNodes[0] as Element).localName === CARD_HOST_TAG);
      });
      if (relevant) this.scheduleReanalysis();
    });
    this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  private timer: number | undefined;

  private scheduleReanalysis(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = this.ctx.setTimeout(() => {
      this.timer = undefined;
      const before = this.current?.page.text;
      const profile = this.current?.profile ?? '';
      this.current = null;
      this.page = null;
      void this.run(profile).then((done) => {
        if ('error' in done || done.page.text === before) return;
        browser.runtime.sendMessage({ type: 'remisskollen/page-changed', url: location.href }).catch(() => {});
      });
    }, REANALYSE_AFTER_MS);
  }

  private stop(): void {
    this.observer?.disconnect();
    this.interactions?.destroy();
    clearHighlights();
  }
}
