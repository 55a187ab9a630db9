/**
 * The side panel against the production build in real Chromium: the seeds
 * served as pages, the panel opened for their tab (or following a window).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { formatReport } from '../../lib/report';
import { makeSamples } from '../../scripts/make-samples';
import { serveDirectory, type SampleServer } from '../../scripts/sample-server';
import { launchWithExtension, tabIdFor, type ExtensionBrowser } from './harness';
import { askTab, waitForHighlights } from './page-helpers';

const SAMPLES = resolve('.tmp/samples');
const HAGERSTEN = 'stockholm-hagersten-alvsjo-yttrande-vallingbyteamet';
const SOCIAL = 'stockholm-socialnamnden-remissvar-faltassistenter';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource = '';

let server: SampleServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  axeSource = await readFile(AXE, 'utf8');
  await makeSamples(SAMPLES);
  server = await serveDirectory(SAMPLES);
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function openSeed(name: string, viewport = { width: 1000, height: 700 }) {
  const page = await ext.context.newPage();
  await page.setViewportSize(viewport);
  const url = `${server.origin}/${name}.html`;
  await page.goto(url);
  return { page, url, tabId: await tabIdFor(ext.serviceWorker, url) };
}

async function openPanel(query: string): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?${query}`);
  return panel;
}

describe('side panel', () => {
  it('shows the Hägersten-Älvsjö seed: facts, the missing Jämställdhetsanalys, its sections', async () => {
    const { page, tabId } = await openSeed(HAGERSTEN);
    const panel = await openPanel(`tabId=${tabId}`);
    await expect.poll(() => panel.getByTestId('kind').getAttribute('data-kind'), { timeout: 15_000 }).toBe('remissvar');
    expect(await panel.getByTestId('date').textContent()).toBe('24 augusti 2023');
    expect(await panel.getByTestId('authority').textContent()).toBe('Hägersten-Älvsjö stadsdelsnämnd');
    expect(await panel.getByTestId('officer').textContent()).toBe('Linda Lindblom, 08-50822310');
    expect(await panel.getByTestId('authors').textContent()).toBe('Jan Jönsson (L)Anne-Lie Elfvén (L)');

    await panel.getByTestId('tab-sections').click();
    const missing = panel.getByTestId('missing-jamstalldhetsanalys');
    expect(await missing.textContent()).toContain('Jämställdhetsanalys');
    expect(await missing.getAttribute('class')).toContain('severity-error');
    const checklist = await panel.getByTestId('section-checklist').textContent();
    for (const heading of ['Förvaltningens förslag till beslut', 'Sammanfattning', 'Bakgrund', 'Ärendet', 'Förvaltningens synpunkter och förslag']) {
      expect(checklist).toContain(heading);
    }
    await panel.close();
    await page.close();
  });

  it('lists the OCR seed’s references by law, problem ones first, and a click scrolls the page to one', async () => {
    const { page, tabId } = await openSeed(SOCIAL, { width: 1000, height: 500 });
    await waitForHighlights(page, 1);
    const analysis = await askTab(ext, tabId);
    if (!analysis.ok) throw new Error(analysis.reason);
    const panel = await openPanel(`tabId=${tabId}`);
    await panel.getByTestId('tab-citations').click();
    const groups = panel.getByTestId('citation-groups');
    await expect.poll(() => groups.locator('> li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // First group: the one with problems — socialtjänstlagen (2001:453), with its two references.
    const first = groups.locator('> li').first();
    expect(await first.getAttribute('data-group')).toBe('2001:453');
    expect(await first.locator('.group-heading').textContent()).toMatch(/^Socialtjänstlag \(2001:453\) — 2/);
    expect(await groups.locator('button.citation').count()).toBe(analysis.result.citations.length);

    // The reference is far down the page: clicking it scrolls the page there and flashes it.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await first.locator('button.citation').first().click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('remisskollen-active'))).toBe(true);
    // …and opens the same card as on the page.
    await expect.poll(() => panel.locator('.rk-card').count()).toBe(1);
    expect(await panel.locator('.rk-card-problem').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Kapitelnummer saknas/)]),
    );

    // Filtering by kind hides the other kinds.
    await panel.getByTestId('filter-statute').uncheck();
    await expect.poll(() => groups.locator('> li').count()).toBe(1);
    expect(await groups.locator('> li').first().getAttribute('data-group')).toBe('case-number');
    await panel.close();
    await page.close();
  });

  it('exports the report as the expected Markdown', async () => {
    const { page, tabId } = await openSeed(HAGERSTEN);
    const analysis = await askTab(ext, tabId);
    if (!analysis.ok) throw new Error(analysis.reason);
    const panel = await openPanel(`tabId=${tabId}`);
    await panel.locator('.export summary').click();
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^remisskollen-aterinfor-vallingbyteamet.*\.md$/);
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toBe(formatReport(analysis.result, { format: 'markdown', source: analysis.pageTitle || analysis.url }));
    expect(markdown).toContain('**Jämställdhetsanalys saknas** (fel)');
    await panel.close();
    await page.close();
  });

  it('follows the active tab of its window', async () => {
    const a = await openSeed(HAGERSTEN);
    const b = await openSeed(SOCIAL);
    const windowId = await ext.serviceWorker.evaluate(async (tabId: number) => {
      const chrome = (globalThis as unknown as { chrome: { tabs: { get(id: number): Promise<{ windowId: number }> } } }).chrome;
      return (await chrome.tabs.get(tabId)).windowId;
    }, a.tabId);
    // The panel lives in its own window and follows the documents' window, as a side panel would.
    const opened = ext.context.waitForEvent('page', (p) => p.url().includes(`windowId=${windowId}`));
    await ext.serviceWorker.evaluate(
      async ([id, url]) => {
        const chrome = (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome;
        await chrome.windows.create({ url, type: 'normal' });
        void id;
      },
      [windowId, `chrome-extension://${ext.extensionId}/sidepanel.html?windowId=${windowId}`] as const,
    );
    const panel = await opened;
    await b.page.bringToFront();
    await expect.poll(() => panel.getByTestId('title').textContent(), { timeout: 15_000 }).toMatch(/fältassistenter/);
    await a.page.bringToFront();
    await expect.poll(() => panel.getByTestId('title').textContent(), { timeout: 15_000 }).toMatch(/Vällingbyteamet/);
    await panel.close();
    await a.page.close();
    await b.page.close();
  });

  it('says in one line why it cannot read a browser page', async () => {
    const page = await ext.context.newPage();
    await page.goto('chrome://version');
    const tabId = await tabIdFor(ext.serviceWorker, 'chrome://version/');
    const panel = await openPanel(`tabId=${tabId}`);
    await expect.poll(() => panel.getByTestId('unreadable').textContent()).toMatch(/kan inte analyseras/);
    await panel.close();
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical accessibility violation in the ${scheme} theme`, async () => {
      const { page, tabId } = await openSeed(SOCIAL);
      const panel = await ext.context.newPage();
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tabId=${tabId}`);
      await expect.poll(() => panel.getByTestId('kind').count(), { timeout: 15_000 }).toBe(1);
      const violations: { id: string; impact: string; nodes: number }[] = [];
      for (const tab of ['overview', 'sections', 'citations', 'problems']) {
        await panel.getByTestId(`tab-${tab}`).click();
        if (tab === 'citations') await panel.locator('button.citation').first().click();
        // Evaluated over the debugging protocol: extension pages' CSP forbids injected script tags.
        await panel.evaluate(axeSource);
        const found = await panel.evaluate(async () => {
          type Rule = { id: string; impact: string; nodes: unknown[] };
          const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
          const result = await axe.run();
          return { passes: result.passes.length, violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })) };
        });
        expect(found.passes).toBeGreaterThan(10); // axe really checked the page
        violations.push(...found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'));
      }
      expect(violations).toEqual([]);
      await panel.close();
      await page.close();
    });
  }
});
