/**
 * Remisskollen's PDF viewer in real Chromium, on PDFs served on 127.0.0.1:
 * the "Öppna i Remisskollen" flow, citations painted on the right text-layer
 * spans (also across lines and pages), the look-up card and keyboard, the side
 * panel for the viewer tab (lists, scroll to a citation / a section on another
 * page), bad PDFs, and no request leaving the machine.
 *
 * The extension under test is .output/chrome-mv3 (`npx wxt build`), or
 * REMISSKOLLEN_EXTENSION_DIR.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { analyze, type AnalysisResult } from '../../lib';
import { installTitleIndexSync } from '../../lib/laws/node-loader';
import { openPdfRequest } from '../../lib/messages/pdf';
import { revealRequest, viewerRequest } from '../../lib/messages';
import { readPdf } from '../../cli/readers';
import { makeSamples, type Samples } from '../../scripts/make-samples';
import { serveDirectory, type SampleServer } from '../../scripts/sample-server';
import { EXTENSION_DIR, launchWithExtension, tabIdFor, type ExtensionBrowser } from './harness';

const SAMPLES = resolve('.tmp/samples');
const EXTENSION = process.env.REMISSKOLLEN_EXTENSION_DIR ? resolve(process.env.REMISSKOLLEN_EXTENSION_DIR) : EXTENSION_DIR;
const OCR_SEED = 'stockholm-socialnamnden-remissvar-faltassistenter';

/** A three-page PDF whose citations are broken over line ends (with and without a hyphen) and over page breaks. */
export async function brokenCitationsPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle('Tjänsteutlåtande om hemtjänst');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const pages: { size?: number; bold?: boolean; text: string; gap?: number }[][] = [
    [
      { text: 'Tjänsteutlåtande', size: 16, bold: true },
      { text: 'Dnr KS 2024/311', gap: 2 },
      { text: 'Förvaltningens förslag till beslut', size: 13, bold: true, gap: 2 },
      { text: 'Socialnämnden godkänner förvaltningens tjänsteutlåtande.' },
      { text: 'Bakgrund', size: 13, bold: true, gap: 2 },
      { text: 'Nämnden ska enligt 11 kap. 1 och' },
      { text: '2 §§ socialtjänstlagen (2001:453) utreda ärendet utan dröjsmål.' },
      ...Array.from({ length: 24 }, (_, i) => ({ text: `Utfyllnadsrad ${i + 1} om hemtjänstens organisation i stadsdelen.` })),
      { text: 'Beslutet fattas med stöd av 4 kap. 1 § social-' },
    ],
    [
      { text: 'tjänstlagen (2001:453) och kan överklagas.' },
      { text: 'Ärendets beredning', size: 13, bold: true, gap: 2 },
      { text: 'Förvaltningen har hört brukarrådet.' },
      ...Array.from({ length: 28 }, (_, i) => ({ text: `Fyllnadstext ${i + 1} om beredningen av ärendet.` })),
      { text: 'Förvaltningen hänvisar också till 5 kap. 1 §' },
    ],
    [
      { text: 'socialtjänstlagen (2001:453) om barn och unga.' },
      { text: 'Förvaltningens synpunkter', size: 13, bold: true, gap: 2 },
      { text: 'Förvaltningen föreslår att nämnden beslutar enligt förslaget.' },
    ],
  ];
  for (const lines of pages) {
    const page = doc.addPage([595.28, 841.89]);
    let y = 841.89 - 60;
    for (const line of lines) {
      const size = line.size ?? 11;
      y -= size * 1.3 * (line.gap ?? 1);
      page.drawText(line.text, { x: 60, y, size, font: line.bold ? bold : font });
    }
  }
  return doc.save({ useObjectStreams: false });
}

interface Painted {
  kind: string;
  text: string;
  startPage: number;
  endPage: number;
  inTextLayer: boolean;
}

/** Without white space, hyphens and soft hyphens: the DOM text of a range over two lines has no line break. */
const squash = (s: string) => s.replace(/[\s\u00AD-]+/g, '');

let samples: Samples;
let server: SampleServer;
let context: BrowserContext;
let sw: Worker;
let extensionId: string;
let browser: ExtensionBrowser;
let closed = false;
const requests: string[] = [];
let multiUrl: string;

beforeAll(async () => {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error(`Ingen byggd extension i ${EXTENSION}: kör "npx wxt build" först.`);
  installTitleIndexSync();
  samples = await makeSamples(SAMPLES);
  await mkdir(join(SAMPLES, 'viewer'), { recursive: true });
  await writeFile(join(SAMPLES, 'viewer', 'broken-citations.pdf'), await brokenCitationsPdf());
  server = await serveDirectory(SAMPLES);
  multiUrl = `${server.origin}/viewer/broken-citations.pdf`;
  browser = await launchWithExtension();
  context = browser.context;
  context.on('request', (r) => requests.push(r.url()));
  sw = browser.serviceWorker;
  extensionId = browser.extensionId;
});

afterAll(async () => {
  if (!closed) await browser?.close().catch(() => []);
  await server?.close();
});

const viewerUrl = (file: string) => `chrome-extension://${extensionId}/viewer.html?file=${encodeURIComponent(file)}`;
const panelUrl = (tabId: number) => `chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`;

/** The PDF in the browser's viewer → the panel's "Öppna i Remisskollen" → Remisskollen's viewer in the same tab. */
async function openThroughPanel(pdfUrl: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(pdfUrl);
  const tabId = await tabIdFor(sw, pdfUrl);
  const panel = await context.newPage();
  await panel.goto(panelUrl(tabId));
  // The content script in the browser's PDF viewer says what the panel needs to offer the button.
  await expect.poll(() => panel.getByTestId('unreadable').textContent(), { timeout: 15_000 }).toMatch(/PDF/);
  const button = panel.getByTestId('open-pdf');
  if (await button.count()) await button.click();
  else {
    // What the OpenPdfButton component sends (until the panel embeds it).
    const answer = await panel.evaluate(
      (msg) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(msg),
      openPdfRequest(pdfUrl, tabId),
    );
    expect(answer).toMatchObject({ ok: true, tabId });
  }
  await page.waitForURL(/\/viewer\.html\?file=/);
  await panel.close();
  return { page, tabId };
}

async function analysed(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.analysed === 'complete', null, { timeout: 60_000 });
}

const viewerText = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { remisskollenViewer: { text(): string } }).remisskollenViewer.text());

const pageOf = (page: Page, offset: number) =>
  page.evaluate(
    (o) => (globalThis as unknown as { remisskollenViewer: { pageOfOffset(o: number): number } }).remisskollenViewer.pageOfOffset(o),
    offset,
  );

function painted(page: Page): Promise<Painted[]> {
  return page.evaluate(() => {
    const out: Painted[] = [];
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    const pageNo = (n: Node) => Number((n.parentElement?.closest('.page') as HTMLElement | null)?.dataset.pageNumber ?? 0);
    for (const [name, highlight] of registry) {
      const kind = name.replace(/^remisskollen-/, '');
      if (['problem', 'active', 'find', 'find-current'].includes(kind)) continue;
      for (const r of highlight) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        out.push({
          kind,
          text: live.toString(),
          startPage: pageNo(r.startContainer),
          endPage: pageNo(r.endContainer),
          inTextLayer: Boolean(r.startContainer.parentElement?.closest('.textLayer') && r.endContainer.parentElement?.closest('.textLayer')),
        });
      }
    }
    return out;
  });
}

/** Every citation the engine finds in the viewer's text is painted over exactly its words, on its page. */
async function expectHighlighted(page: Page, pdfPath: string): Promise<{ text: string; result: AnalysisResult }> {
  await analysed(page);
  const text = await viewerText(page);
  // The viewer assembles the same text as the CLI (same lib/pdf, same pdf.js text).
  expect(text).toBe((await readPdf(new Uint8Array(await readFile(pdfPath)))).text);
  const result = analyze(text);
  const shown = await painted(page);
  expect(shown.length).toBe(result.citations.length);
  for (const c of result.citations) {
    const startPage = await pageOf(page, c.start);
    const endPage = await pageOf(page, c.end - 1);
    const match = shown.find((p) => p.kind === c.kind && squash(p.text) === squash(c.text) && p.startPage === startPage && p.endPage === endPage);
    expect(match, `${c.kind} "${c.text}" på sidan ${startPage}`).toBeDefined();
    expect(match!.inTextLayer).toBe(true);
  }
  return { text, result };
}

async function panelFor(tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(panelUrl(tabId));
  return panel;
}

describe('PDF viewer in real Chromium', () => {
  it('opens the OCR seed from the "Öppna i Remisskollen" flow and highlights its citations, the card and the panel', async () => {
    const seed = samples.seeds.find((s) => s.name === OCR_SEED)!;
    const { page, tabId } = await openThroughPanel(`${server.origin}/${OCR_SEED}.pdf`);
    const { result } = await expectHighlighted(page, seed.pdf);
    // The OCR-damaged statute citation is found and painted.
    const damaged = result.citations.find((c) => /socialtjianstlagen \(2001:453\), SoL/.test(c.text.replace(/\s+/g, ' ')));
    expect(damaged).toBeDefined();

    // Click on it: the card opens, placed by the reference.
    const box = await page.evaluate((c) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      for (const r of registry.get(`remisskollen-${c.kind}`) ?? []) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (live.toString().replace(/[\s-]+/g, '') !== c.text.replace(/[\s-]+/g, '')) continue;
        (r.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center', behavior: 'instant' });
        const rect = live.getClientRects()[0];
        return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
      }
      return null;
    }, damaged!);
    expect(box).not.toBeNull();
    await page.mouse.click(box!.x, box!.y);
    const cardText = () =>
      page.evaluate(() => {
        const boxEl = document.querySelector('remisskollen-card')?.shadowRoot?.querySelector('.rk-box') as HTMLElement | null;
        return boxEl && boxEl.style.display === 'block' && boxEl.style.visibility === 'visible' ? boxEl.textContent : null;
      });
    await expect.poll(cardText).toContain(damaged!.law?.title ?? damaged!.text.slice(0, 6));
    await page.keyboard.press('Escape');
    await expect.poll(cardText).toBeNull();

    // Keyboard: Alt+Shift+N opens the first reference's card.
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(cardText).not.toBeNull();
    await page.keyboard.press('Escape');

    // The side panel shows the viewer tab's analysis.
    const panel = await panelFor(tabId);
    await expect.poll(() => panel.getByTestId('kind').getAttribute('data-kind'), { timeout: 15_000 }).toBe(result.document.kind);
    await panel.getByTestId('tab-citations').click();
    await expect.poll(() => panel.getByTestId('citation-groups').locator('button.citation').count()).toBe(result.citations.length);
    await panel.getByTestId('tab-sections').click();
    const checklist = await panel.getByTestId('section-checklist').textContent();
    for (const s of result.sections) expect(checklist).toContain(s.heading);
    await panel.close();
    await page.close();
  });

  it('highlights the other seed', async () => {
    const seed = samples.seeds.find((s) => s.name !== OCR_SEED)!;
    const { page } = await openThroughPanel(`${server.origin}/${seed.name}.pdf`);
    const { result } = await expectHighlighted(page, seed.pdf);
    expect(result.citations.length).toBeGreaterThan(0);
    await page.close();
  });

  it('paints citations broken over lines and pages, and the panel scrolls to citations and sections across pages', async () => {
    const { page, tabId } = await openThroughPanel(multiUrl);
    const { text, result } = await expectHighlighted(page, join(SAMPLES, 'viewer', 'broken-citations.pdf'));
    // The fixture's point: citations over a line end and over a page break (hyphenated and not).
    const overLines = result.citations.filter((c) => c.text.includes('\n'));
    expect(overLines.length).toBeGreaterThan(0);
    const overPages: typeof result.citations = [];
    for (const c of result.citations) if ((await pageOf(page, c.start)) !== (await pageOf(page, c.end - 1))) overPages.push(c);
    expect(overPages.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('4 kap. 1 § socialtjänstlagen (2001:453)');

    // Scroll to a citation on page 3 and to a section on page 2, as the panel asks.
    const panel = await panelFor(tabId);
    await expect.poll(() => panel.getByTestId('kind').count(), { timeout: 15_000 }).toBe(1);
    const send = (start: number, end: number) =>
      panel.evaluate(
        (msg) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(msg),
        viewerRequest(tabId, revealRequest(start, end)),
      );
    const visiblePage = () =>
      page.evaluate(() => {
        const active = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('remisskollen-active');
        const r = active ? [...active][0] : null;
        if (!r) return null;
        const rect = (r.startContainer.parentElement as HTMLElement).getBoundingClientRect();
        const inView = rect.top >= 0 && rect.bottom <= window.innerHeight;
        return inView ? Number((r.startContainer.parentElement!.closest('.page') as HTMLElement).dataset.pageNumber) : -1;
      });
    const last = result.citations[result.citations.length - 1];
    expect(await send(last.start, last.end)).toEqual({ ok: true });
    expect(await visiblePage()).toBe(await pageOf(page, last.start));
    const section = result.sections.find((s) => s.heading.startsWith('Ärendets beredning'));
    expect(section).toBeDefined();
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await send(section!.start, section!.end)).toEqual({ ok: true });
    expect(await visiblePage()).toBe(2);
    // The same through the panel's own section list.
    await page.evaluate(() => window.scrollTo(0, 0));
    await panel.getByTestId('tab-sections').click();
    await panel.getByTestId('section-checklist').getByRole('button', { name: /Ärendets beredning/ }).click();
    await expect.poll(visiblePage).toBe(2);
    await panel.close();
    await page.close();
  });

  it('asks for the password of an encrypted PDF, and then shows and analyses it', async () => {
    const page = await context.newPage();
    await page.goto(viewerUrl(`${server.origin}/bad/encrypted.pdf`));
    await page.getByTestId('password-input').fill('fel');
    await page.getByTestId('password-input').press('Enter');
    await expect.poll(() => page.getByTestId('password-wrong').count()).toBe(1);
    await page.getByTestId('password-input').fill('hemlig');
    await page.getByTestId('password-input').press('Enter');
    await analysed(page);
    expect(await viewerText(page)).toContain('Hemlig handling');
    expect((await painted(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('says in Swedish that a truncated PDF is damaged', async () => {
    const page = await context.newPage();
    await page.goto(viewerUrl(`${server.origin}/bad/corrupt.pdf`));
    const message = page.locator('[data-testid=viewer-error], [data-testid=viewer-notice]').first();
    await expect.poll(() => message.textContent(), { timeout: 15_000 }).toMatch(/ofullständig|skadad/);
    await page.close();
  });

  it('says which pages of a scanned PDF have no text to analyse, in the viewer and the panel', async () => {
    const page = await context.newPage();
    const url = viewerUrl(`${server.origin}/bad/scanned.pdf`);
    await page.goto(url);
    await expect.poll(() => page.getByTestId('viewer-notice').textContent(), { timeout: 15_000 }).toMatch(
      /ingen text att analysera.*Sidan saknar textlager/,
    );
    // The page itself is still shown.
    await expect.poll(() => page.locator('.page[data-drawn=true]').count()).toBe(1);
    const panel = await panelFor(await tabIdFor(sw, url));
    await expect.poll(() => panel.getByTestId('unreadable').textContent(), { timeout: 15_000 }).toMatch(/ingen text att analysera/);
    await panel.close();
    await page.close();
  });

  it('says that a file that is no PDF is no PDF', async () => {
    const page = await context.newPage();
    await page.goto(viewerUrl(`${server.origin}/bad/not-a-pdf.pdf`));
    await expect.poll(() => page.getByTestId('viewer-error').textContent(), { timeout: 15_000 }).toMatch(/ingen PDF/);
    await page.close();
  });

  it('sent no request anywhere but 127.0.0.1 and the extension itself', async () => {
    closed = true;
    // Chromium's own log: whatever a page, a worker or the extension asked for stays local.
    const external = await browser.close();
    const allowed = (url: string) => {
      if (/^(chrome-extension|data|blob|about|chrome|devtools|chrome-untrusted):/.test(url)) return true;
      try {
        const host = new URL(url).hostname;
        return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
      } catch {
        return false;
      }
    };
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !allowed(u))).toEqual([]);
    expect(external).toEqual([]);
  });
});
