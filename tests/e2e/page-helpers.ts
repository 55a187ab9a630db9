/** Reading what the extension painted on a page, from the page's own (main) world. */
import type { Page } from 'playwright-core';
import { AnalyzeResponseSchema, type AnalyzeResponse } from '../../lib/messages';
import type { ExtensionBrowser } from './harness';

export interface PaintedRange {
  kind: string;
  text: string;
  /** id of the closest element with an id, to say where the range starts. */
  where: string | null;
}

/** Every range in every `remisskollen-*` highlight, with its text as the page shows it (soft hyphens dropped, spaces collapsed). */
export function paintedRanges(page: Page): Promise<PaintedRange[]> {
  return page.evaluate(() => {
    const out: { kind: string; text: string; where: string | null }[] = [];
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    for (const [name, highlight] of registry) {
      if (!name.startsWith('remisskollen-') || name === 'remisskollen-active' || name === 'remisskollen-problem') continue;
      for (const r of highlight) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const el = r.startContainer.parentElement?.closest('[id]');
        out.push({
          kind: name.slice('remisskollen-'.length),
          text: live.toString().replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim(),
          where: el?.id ?? null,
        });
      }
    }
    return out;
  });
}

/** Waits until the page has at least `min` painted ranges. */
export async function waitForHighlights(page: Page, min = 1, timeout = 15_000): Promise<PaintedRange[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const ranges = await paintedRanges(page);
    if (ranges.length >= min) return ranges;
    if (Date.now() > deadline) throw new Error(`väntade på ${min} markeringar, fick ${ranges.length}`);
    await page.waitForTimeout(100);
  }
}

/** The analysis the content script gives the panel, asked from an extension page as the panel does. */
export async function askTab(ext: ExtensionBrowser, tabId: number, type = 'remisskollen/analyze'): Promise<AnalyzeResponse> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const raw: unknown = await page.evaluate(
      ([id, t]) => (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } } }).chrome.tabs.sendMessage(id, { type: t }),
      [tabId, type] as const,
    );
    return AnalyzeResponseSchema.parse(raw);
  } finally {
    await page.close();
  }
}

/** The viewport centre of the first occurrence of `needle` inside element `#id`. */
export function pointOf(page: Page, id: string, needle: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([elementId, text]) => {
      const root = document.getElementById(elementId)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = (node as Text).data.indexOf(text);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + text.length);
        const rect = r.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`${text} finns inte i #${elementId}`);
    },
    [id, needle] as const,
  );
}
