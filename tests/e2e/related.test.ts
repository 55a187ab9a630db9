/**
 * Related cases (issue 9) in real Chromium: three documents of one case are
 * served as web pages and recorded as they are opened; then the links are
 * asked for (the background's `remisskollen/related` message), shown in the
 * side panel, and managed on the history page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { analyze } from '../../lib';
import { serveDirectory, type SampleServer } from '../../scripts/sample-server';
import { launchWithExtension, tabIdFor, type ExtensionBrowser } from './harness';

const FIXTURES = resolve('tests/fixtures/related');
const DOCS = {
  motion: 'a-motion-faltassistenter',
  rinkeby: 'a-remissvar-rinkeby-kista',
  hasselby: 'a-remissvar-hasselby-vallingby',
} as const;
type Name = keyof typeof DOCS;

let dir: string;
let server: SampleServer;
let ext: ExtensionBrowser;
let history: Page;
const urls = {} as Record<Name, string>;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A plain page for a document: one paragraph per block, line breaks kept. */
function toHtml(text: string): string {
  const title = text.split('\n').find((l) => l.trim().length > 0) ?? '';
  const body = text
    .split(/\n\s*\n/)
    .map((block) => `<p>${escapeHtml(block.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;
}

async function send<T>(message: object): Promise<T> {
  return history.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(x: object): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<T>;
}

async function openHistory(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/case-history.html`);
  await page.getByTestId('setting-enabled').waitFor();
  return page;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'remisskollen-related-'));
  for (const file of Object.values(DOCS)) {
    await writeFile(join(dir, `${file}.html`), toHtml(readFileSync(join(FIXTURES, `${file}.txt`), 'utf8')));
  }
  server = await serveDirectory(dir);
  ext = await launchWithExtension();
  history = await openHistory();
});

afterAll(async () => {
  const external = await ext?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
  // Nothing left the machine.
  if (Array.isArray(external)) expect(external).toEqual([]);
});

describe('related cases in real Chromium', () => {
  it('records three documents of one case as they are opened', async () => {
    // Opening a council document is enough: the content script's analysis goes into the local index.
    for (const name of Object.keys(DOCS) as Name[]) {
      const page = await ext.context.newPage();
      urls[name] = `${server.origin}/${DOCS[name]}.html`;
      await page.goto(urls[name]);
    }
    await expect
      .poll(
        async () => {
          await history.reload();
          await history.getByTestId('setting-enabled').waitFor();
          return history.getByTestId('history-row').count();
        },
        { timeout: 20_000 },
      )
      .toBe(3);
    const titles = await history.getByTestId('history-title').allTextContents();
    expect(titles.some((t) => /fältassistenter/i.test(t))).toBe(true);
  });

  it('answers which stored documents belong to the same case, strongest reason first', async () => {
    const page = ext.context.pages().find((p) => p.url() === urls.hasselby)!;
    const text = await page.evaluate(() => document.body.innerText);
    const response = await send<{
      ok: boolean;
      enabled: boolean;
      related: { record: { id: string; url?: string; text?: string }; reasons: { code: string; label: string }[] }[];
    }>({ type: 'remisskollen/related', result: analyze(text), url: urls.hasselby });
    expect(response.ok).toBe(true);
    expect(response.enabled).toBe(true);
    const byUrl: Record<string, { code: string; label: string }[]> = Object.fromEntries(
      response.related.map((r) => [r.record.url ?? r.record.id, r.reasons]),
    );
    expect(Object.keys(byUrl).sort()).toEqual([urls.motion, urls.rinkeby].sort());
    expect(byUrl[urls.motion][0].label).toBe('Samma diarienummer: KS 2023/105');
    // Rinkeby-Kista's answer has no KS number and an OCR-damaged title: the motion and the text connect it
    expect(byUrl[urls.rinkeby].map((r) => r.code)).toEqual(expect.arrayContaining(['motion', 'text']));
    expect(byUrl[urls.rinkeby][0].code).toBe('motion');
    // text is not stored by default
    expect(response.related.every((r) => r.record.text === undefined)).toBe(true);
  });

  it('shows the links in the side panel, each opening its document', async () => {
    const tabId = await tabIdFor(ext.serviceWorker, urls.hasselby);
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.getByTestId('tab-related').click();
    const items = panel.getByTestId('related-item');
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(2);
    const reasons = await panel.getByTestId('related-reason').allTextContents();
    expect(reasons).toContain('Samma diarienummer: KS 2023/105');
    expect(reasons.some((r) => /^Nästan samma text \(\d+ %\)$/.test(r))).toBe(true);
    const opened = ext.context.waitForEvent('page');
    await panel.locator(`[data-id="url:${urls.motion}"]`).getByTestId('related-open').click();
    expect((await opened).url()).toBe(urls.motion);
    await panel.close();
  });

  it('the history page lists, searches, exports, deletes, clears and imports', async () => {
    const page = await openHistory();
    const rows = page.getByTestId('history-row');
    await expect.poll(() => rows.count()).toBe(3);

    await page.getByTestId('history-search').fill('rinkeby');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-id')).toBe(`url:${urls.rinkeby}`);
    await page.getByTestId('history-search').fill('KS 2023/105');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByTestId('history-search').fill('SoL');
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByTestId('history-search').fill('');

    const download = page.waitForEvent('download');
    await page.getByTestId('history-export').click();
    const exported = join(dir, 'export.json');
    await (await download).saveAs(exported);
    const file = JSON.parse(await readFile(exported, 'utf8')) as { format: string; records: { id: string }[] };
    expect(file.format).toBe('remisskollen-case-index');
    expect(file.records.map((r) => r.id).sort()).toEqual(Object.values(urls).map((u) => `url:${u}`).sort());

    await page.locator(`[data-id="url:${urls.rinkeby}"]`).getByTestId('history-delete').click();
    await expect.poll(() => rows.count()).toBe(2);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('history-clear').click();
    await page.getByTestId('history-empty').waitFor();

    await page.getByTestId('history-import-file').setInputFiles(exported);
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.getByTestId('history-notice').textContent()).toBe('3 dokument importerades.');

    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ hello: 'world' }));
    await page.getByTestId('history-import-file').setInputFiles(bad);
    await expect
      .poll(() => page.getByTestId('history-notice').textContent())
      .toBe('Importen misslyckades: Filen är ingen export av Remisskollens historik (formatet känns inte igen).');
    expect(await rows.count()).toBe(3);

    // The background sees the imported index (its in-memory index follows the store's revision).
    const text = await (ext.context.pages().find((p) => p.url() === urls.motion)!).evaluate(() => document.body.innerText);
    const related = await send<{ related: unknown[] }>({ type: 'remisskollen/related', result: analyze(text), url: urls.motion });
    expect(related.related).toHaveLength(2);
    await page.close();
  });

  it('stores nothing when the setting is off', async () => {
    const page = await openHistory();
    await page.getByTestId('setting-enabled').uncheck();
    const text = await (ext.context.pages().find((p) => p.url() === urls.motion)!).evaluate(() => document.body.innerText);
    await expect
      .poll(() => send<{ skipped?: string }>({ type: 'remisskollen/record-document', result: analyze(text), text, url: `${urls.motion}?igen` }))
      .toEqual({ ok: true, stored: false, skipped: 'disabled' });
    expect(await send({ type: 'remisskollen/related', result: analyze(text), url: urls.motion })).toEqual({
      ok: true,
      enabled: false,
      related: [],
    });
    await page.getByTestId('setting-enabled').check();
    await page.close();
  });
});
