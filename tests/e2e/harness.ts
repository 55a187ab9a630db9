/**
 * Drives the production build in real Chromium: loads .output/chrome-mv3 as
 * an unpacked extension in a fresh profile, and finds its id from the service
 * worker's URL.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export function chromePath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium';
}

export async function launchWithExtension(): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`Ingen byggd extension i ${EXTENSION_DIR}: kör "npx wxt build" först.`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'remisskollen-e2e-'));
  const args = [
    '--headless=new',
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--lang=sv',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: false, // --headless=new is passed explicitly: extensions need the new headless mode
    args,
    locale: 'sv-SE',
    // On Linux, Chromium takes its UI language (and so chrome.i18n's) from LANGUAGE, not --lang.
    env: { ...process.env, LANGUAGE: 'sv' },
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The tab id Chrome gave the page showing `url`, asked through the extension's service worker. */
export async function tabIdFor(sw: Worker, url: string): Promise<number> {
  const id = await sw.evaluate(async (u: string) => {
    type Tabs = { query(q: object): Promise<{ id?: number; url?: string }[]> };
    const tabs = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({});
    return tabs.find((tab) => tab.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`ingen flik med ${url}`);
  return id;
}
