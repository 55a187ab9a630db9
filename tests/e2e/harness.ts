/**
 * Drives the production build in real Chromium: loads .output/chrome-mv3 as
 * an unpacked extension in a fresh profile, and finds its id from the service
 * worker's URL.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Closes the browser and returns every URL it requested that is not on this machine (from Chromium's net log). */
  close(): Promise<string[]>;
}

const LOCAL_URL = /^(?:https?|wss?):\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?\//;

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: { url?: string; initiator?: string } }[];
}

/**
 * URLs that a page or the extension asked for (a request with an origin as
 * initiator) and that leave the machine, from Chromium's net log. The
 * browser's own housekeeping (update checks, account pings) has no origin as
 * initiator and is not the extension's doing.
 */
export function externalUrls(netLog: string): string[] {
  let log: NetLog;
  try {
    log = JSON.parse(netLog) as NetLog;
  } catch {
    // The log of a browser that did not close cleanly lacks its closing brackets.
    log = JSON.parse(`${netLog.replace(/,\s*$/, '')}]}`) as NetLog;
  }
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const urls = new Set<string>();
  for (const e of log.events) {
    const url = e.params?.url;
    if (e.type !== startJob || !url || LOCAL_URL.test(url) || !/^(?:https?|wss?|ftp):/.test(url)) continue;
    if (e.params?.initiator && e.params.initiator !== 'not an origin') urls.add(`${url} (från ${e.params.initiator})`);
  }
  return [...urls];
}

export function chromePath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium';
}

export async function launchWithExtension(): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`Ingen byggd extension i ${EXTENSION_DIR}: kör "npx wxt build" först.`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'remisskollen-e2e-'));
  const netLog = join(userDataDir, 'netlog.json');
  const args = [
    `--log-net-log=${netLog}`,
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
      const log = await readFile(netLog, 'utf8').catch(() => '');
      await rm(userDataDir, { recursive: true, force: true });
      return externalUrls(log);
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
