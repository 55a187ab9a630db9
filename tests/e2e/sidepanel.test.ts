import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { analyze } from '../../lib';
import { makeSamples } from '../../scripts/make-samples';
import { serveDirectory, type SampleServer } from '../../scripts/sample-server';
import { launchWithExtension, tabIdFor, type ExtensionBrowser } from './harness';

const SAMPLES = resolve('.tmp/samples');
const HAGERSTEN = 'stockholm-hagersten-alvsjo-yttrande-vallingbyteamet';

let server: SampleServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  await makeSamples(SAMPLES);
  server = await serveDirectory(SAMPLES);
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('side panel in real Chromium', () => {
  it('shows the analysis of a sample page served on 127.0.0.1', async () => {
    const page = await ext.context.newPage();
    const url = `${server.origin}/${HAGERSTEN}.html`;
    await page.goto(url);
    const tabId = await tabIdFor(ext.serviceWorker, url);

    // What the engine says about the page's own visible text is what the panel must show.
    const visibleText = await page.evaluate(() => document.body.innerText);
    const expected = analyze(visibleText);

    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tabId=${tabId}`);
    await expect.poll(() => panel.getByTestId('kind').getAttribute('data-kind')).toBe(expected.document.kind);
    expect(await panel.getByTestId('citation-count').textContent()).toBe(String(expected.citations.length));
    if (expected.document.title) {
      expect(await panel.getByTestId('title').textContent()).toBe(expected.document.title);
    }
    // The sample is the seed itself, rendered: its visible text carries the seed's words.
    const seed = await readFile(`tests/fixtures/seeds/${HAGERSTEN}.txt`, 'utf8');
    expect(visibleText).toContain(seed.split('\n').find((l) => l.startsWith('Återinför'))!);
    await panel.close();
    await page.close();
  });

  it('says in one line why it cannot read a browser page', async () => {
    const page = await ext.context.newPage();
    await page.goto('chrome://version');
    const tabId = await tabIdFor(ext.serviceWorker, 'chrome://version/');
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tabId=${tabId}`);
    await expect.poll(() => panel.getByTestId('unreadable').textContent()).toMatch(/kan inte analyseras/);
    await panel.close();
    await page.close();
  });
});
