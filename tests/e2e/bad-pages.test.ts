/**
 * Pages that fight back or overwhelm: the page keeps working and the panel
 * says in plain Swedish what happened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDirectory, type SampleServer } from '../../scripts/sample-server';
import { launchWithExtension, tabIdFor, type ExtensionBrowser } from './harness';
import { askTab, paintedRanges, pointOf, waitForHighlights } from './page-helpers';

let dir: string;
let server: SampleServer;
let ext: ExtensionBrowser;

const HEAD = (title: string, script = '') =>
  `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${title}</title>${script}</head>`;
const LETTERHEAD = '<p>Socialförvaltningen<br>Tjänsteutlåtande<br>Dnr SN 2024/99<br>2024-03-01</p>';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'remisskollen-bad-pages-'));
  const many = Array.from({ length: 100_000 }, (_, i) => `${(i % 9) + 1} kap. ${(i % 30) + 1} § SoL`).join('; ');
  await writeFile(
    join(dir, 'many.html'),
    `${HEAD('Tjänsteutlåtande med 100 000 hänvisningar')}<body>${LETTERHEAD}<h1>Tjänsteutlåtande</h1><p id="many">${many}</p><button id="alive" onclick="this.textContent='ja'">Svarar sidan?</button></body></html>`,
  );
  await writeFile(
    join(dir, 'clears.html'),
    `${HEAD(
      'Tjänsteutlåtande – sidan rensar markeringar',
      `<script>
        const timer = setInterval(() => {
          if ([...CSS.highlights.keys()].some((k) => k.startsWith('remisskollen-'))) { CSS.highlights.clear(); window.__cleared = true; clearInterval(timer); }
        }, 20);
      </script>`,
    )}<body>${LETTERHEAD}<h1>Tjänsteutlåtande</h1><p id="t">Enligt 3 kap. 5 § socialtjänstlagen (2001:453) och 1 § LVU.</p></body></html>`,
  );
  await writeFile(
    join(dir, 'removes.html'),
    `${HEAD(
      'Tjänsteutlåtande – sidan tar bort främmande element',
      `<script>
        document.addEventListener('DOMContentLoaded', () => new MutationObserver((records) => {
          for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'REMISSKOLLEN-CARD') { n.remove(); window.__removed = (window.__removed || 0) + 1; }
        }).observe(document.body, { childList: true }));
      </script>`,
    )}<body>${LETTERHEAD}<h1>Tjänsteutlåtande</h1><p id="t">Enligt 3 kap. 5 § socialtjänstlagen (2001:453) och 1 § LVU.</p></body></html>`,
  );
  await writeFile(
    join(dir, 'framed.html'),
    `${HEAD('Startsida med inbäddad handling')}<body><p id="outer">Inbäddad handling nedan.</p><iframe id="frame" src="editable.html" width="600" height="300"></iframe></body></html>`,
  );
  await writeFile(
    join(dir, 'editable.html'),
    `${HEAD('Tjänsteutlåtande – redigerbar')}<body contenteditable="true">${LETTERHEAD}<h1>Tjänsteutlåtande</h1><p id="t">Enligt 3 kap. 5 § socialtjänstlagen (2001:453).</p></body></html>`,
  );
  server = await serveDirectory(dir);
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

async function open(name: string) {
  const page = await ext.context.newPage();
  const url = `${server.origin}/${name}`;
  await page.goto(url);
  return { page, url, tabId: await tabIdFor(ext.serviceWorker, url) };
}

describe('pages that overwhelm or fight the extension', () => {
  it('a page with 100,000 references stays usable; the panel says only some are highlighted', async () => {
    const { page, tabId } = await open('many.html');
    const response = await askTab(ext, tabId);
    if (!response.ok) throw new Error(response.reason);
    expect(response.truncated?.citations).toBeGreaterThanOrEqual(100_000);
    expect(response.result.citations.length).toBe(20_000);
    expect(response.notices.map((n) => n.code)).toContain('too-many-citations');
    expect(response.notices.find((n) => n.code === 'too-many-citations')!.message).toMatch(/de första 20\s000 markeras/);
    await page.click('#alive');
    expect(await page.textContent('#alive')).toBe('ja');
    await page.close();
  });

  it('a page that clears CSS.highlights gets them back, and the panel says so', async () => {
    const { page, tabId } = await open('clears.html');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __cleared?: boolean }).__cleared === true), { timeout: 10_000 }).toBe(true);
    expect(await paintedRanges(page)).toEqual([]);
    const response = await askTab(ext, tabId);
    if (!response.ok) throw new Error(response.reason);
    expect(response.notices.map((n) => n.code)).toContain('highlights-cleared');
    expect((await paintedRanges(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('a page that removes the card host keeps working; the panel explains', async () => {
    const { page, tabId } = await open('removes.html');
    await waitForHighlights(page, 2);
    const at = await pointOf(page, 't', '1 § LVU');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __removed?: number }).__removed ?? 0), { timeout: 5000 }).toBeGreaterThan(0);
    // Hovering again tries once more without throwing.
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(500);
    const response = await askTab(ext, tabId);
    if (!response.ok) throw new Error(response.reason);
    expect(response.notices.map((n) => n.code)).toContain('card-host-removed');
    expect(await page.title()).toContain('Tjänsteutlåtande');
    await page.close();
  });

  it('leaves a document inside a frame alone and still answers for the top page', async () => {
    const { page, tabId } = await open('framed.html');
    const frame = page.frame({ url: /editable\.html$/ })!;
    await frame.waitForLoadState();
    await page.waitForTimeout(1500);
    expect(await paintedRanges(page)).toEqual([]);
    expect(
      await frame.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('remisskollen-')).length),
    ).toBe(0);
    const response = await askTab(ext, tabId);
    expect(response.ok).toBe(true);
    await page.close();
  });

  it('a contenteditable page is highlighted, stays editable, and new text is analysed', async () => {
    const { page } = await open('editable.html');
    await waitForHighlights(page, 1);
    await page.click('#t');
    await page.keyboard.press('End');
    await page.keyboard.type(' Se även 2 § LVU.');
    expect(await page.textContent('#t')).toContain('Se även 2 § LVU.');
    await expect.poll(async () => (await paintedRanges(page)).map((r) => r.text), { timeout: 10_000 }).toContain('2 § LVU');
    await page.close();
  });
});
