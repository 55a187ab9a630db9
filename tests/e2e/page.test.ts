/**
 * Web pages: recognition, highlights over split text, the look-up card by
 * hover, click and keyboard, dynamic content, and a page that watches its own
 * DOM — all in real Chromium against the production build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { serveDirectory, type SampleServer } from '../../scripts/sample-server';
import { launchWithExtension, tabIdFor, type ExtensionBrowser } from './harness';
import { askTab, paintedRanges, pointOf, waitForHighlights } from './page-helpers';

let server: SampleServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  server = await serveDirectory(resolve('tests/fixtures/pages'));
  ext = await launchWithExtension();
});

afterAll(async () => {
  await server?.close();
});

async function open(name: string) {
  const page = await ext.context.newPage();
  const url = `${server.origin}/${name}`;
  await page.goto(url);
  return { page, url, tabId: await tabIdFor(ext.serviceWorker, url) };
}

const card = (page: import('playwright-core').Page) => page.locator('remisskollen-card .rk-card');

describe('highlights on a council document', () => {
  it('paints references split across elements, line breaks and soft hyphens exactly', async () => {
    const { page, tabId } = await open('split.html');
    const ranges = await waitForHighlights(page, 4);
    const statutes = ranges.filter((r) => r.kind === 'statute').map((r) => `${r.where}: ${r.text}`);
    expect(statutes).toContain('split-span: 3 kap. 3 a § socialtjänstlagen (2001:453)');
    // Range.toString() has no character for <br>: the painted range runs from "5 kap." over the break to the law.
    expect(statutes).toContain('split-br: 5 kap.1 § socialtjänstlagen (2001:453)');
    expect(statutes).toContain('split-shy: 11 kap. 1 § socialtjänstlagen (2001:453)');
    expect(ranges.filter((r) => r.kind === 'preparatory').map((r) => r.text)).toContain('prop. 2000/01:80 s. 91');

    // Every painted range is exactly one citation of the analysis the panel gets.
    const response = await askTab(ext, tabId);
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.highlighted).toBe(true);
    const norm = (s: string) => s.replace(/[\u00ad\s]+/g, '');
    expect(ranges.map((r) => norm(r.text)).sort()).toEqual(response.result.citations.map((c) => norm(c.text)).sort());
    await page.close();
  });

  it('opens the card on hover: a repealed law says so and names its replacement', async () => {
    const { page } = await open('repealed.html');
    await waitForHighlights(page, 2);
    const at = await pointOf(page, 'old-law', '(2001:453)');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => card(page).count(), { timeout: 5000 }).toBe(1);
    const status = card(page).getByTestId('card-status');
    await expect.poll(() => status.textContent()).toMatch(/Upphävd/);
    expect(await status.textContent()).toMatch(/2025:400/);
    // The bundled section text is shown, and links are plain https links.
    await expect.poll(() => card(page).locator('.rk-card-text').count(), { timeout: 5000 }).toBe(1);
    const hrefs = await card(page).locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.some((h) => h.startsWith('https://lagen.nu/2001:453#K4P1'))).toBe(true);
    expect(hrefs.every((h) => h.startsWith('https://'))).toBe(true);

    // The card sits below or above the reference, never over it.
    const overlap = await page.evaluate(() => {
      const host = document.querySelector('remisskollen-card')!.shadowRoot!.querySelector('.rk-box')!;
      const box = host.getBoundingClientRect();
      const p = document.getElementById('old-law')!;
      const text = p.firstChild as Text;
      const i = text.data.indexOf('4 kap.');
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, text.data.indexOf(')') + 1);
      const ref = r.getBoundingClientRect();
      return !(box.bottom <= ref.top || box.top >= ref.bottom || box.right <= ref.left || box.left >= ref.right);
    });
    expect(overlap).toBe(false);

    // The new law is in force.
    await page.mouse.move(0, 0);
    await expect.poll(() => card(page).isVisible(), { timeout: 5000 }).toBe(false);
    const atNew = await pointOf(page, 'new-law', '(2025:400)');
    await page.mouse.click(atNew.x, atNew.y);
    await expect.poll(() => card(page).getByTestId('card-status').textContent()).toMatch(/Gällande/);
    await page.close();
  });

  it('moves through references with Alt+Shift+N / Alt+Shift+P and closes with Esc', async () => {
    const { page, tabId } = await open('split.html');
    await waitForHighlights(page, 4);
    const response = await askTab(ext, tabId);
    if (!response.ok) throw new Error(response.reason);
    const citations = response.result.citations;

    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => card(page).isVisible()).toBe(true);
    const first = await card(page).getAttribute('aria-label');
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => card(page).getAttribute('aria-label')).not.toBe(first);
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(() => card(page).getAttribute('aria-label')).toBe(first);
    // From the first reference, "previous" wraps to the last one.
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(() => card(page).getAttribute('aria-label')).not.toBe(first);
    expect(citations.length).toBeGreaterThan(2);
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).isVisible()).toBe(false);
    await page.close();
  });

  it("does not touch the page's own nodes: its MutationObserver sees only the card host added", async () => {
    const { page } = await open('observed.html');
    await waitForHighlights(page, 3);
    const at = await pointOf(page, 'observed-text', 'HFD 2018 ref. 5');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => card(page).isVisible(), { timeout: 5000 }).toBe(true);
    await page.keyboard.press('Escape');
    const mutations = await page.evaluate(() => (window as unknown as { __mutations: unknown[] }).__mutations);
    expect(mutations).toEqual([{ type: 'childList', target: 'BODY', added: ['REMISSKOLLEN-CARD'], removed: [], attribute: null }]);
    await page.close();
  });

  it('re-analyses content that appears after load', async () => {
    const { page } = await open('dynamic.html');
    const before = await waitForHighlights(page, 1);
    expect(before.map((r) => r.text)).not.toContain('2 § LVU');
    await page.click('#expand');
    await expect.poll(async () => (await paintedRanges(page)).map((r) => r.text), { timeout: 10_000 }).toContain('2 § LVU');
    await page.close();
  });

  // Last: closing the browser flushes its net log, which records every request any part of it made.
  it('made no network request beyond this machine', async () => {
    const external = await ext.close();
    expect(external).toEqual([]);
  });
});
