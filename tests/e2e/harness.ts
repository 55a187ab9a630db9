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

/** URL_REQUEST_START_JOB entries of a Chromium net log (`--log-net-log`), also of one cut short. */
export function netLogRequests(raw: string): { url: string; initiator?: string }[] {
  type NetLog = { constants: { logEventTypes: Record<string, number> }; events: { type: number; params?: { url?: string; initiator?: string } }[] };
  let log: NetLog;
  try {
    log = JSON.parse(raw) as NetLog;
  } catch {
    // The log of a browser that did not close cleanly lacks its closing brackets.
    log = JSON.parse(`${raw.trimEnd().replace(/,$/, '')}]}`) as NetLog;
  }
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === start && typeof e.params?.url === 'string')
    .map((e) => ({ url: e.params!.url!, initiator: e.params!.initiator }));
}

/**
 * URLs that a page or the extension asked for (a request with an origin as
 * initiator) and that leave the machine, from Chromium's net log. The
 * browser's own housekeeping (update checks, account pings) has no origin as
 * initiator and is not the extension's doing.
 */
export function externalUrls(netLog: string): string[] {
  const urls = new Set<string>();
  for (const { url, initiator } of netLogRequests(netLog)) {
    if (LOCAL_URL.test(url) || !/^(?:https?|wss?|ftp):/.test(url)) continue;
    if (initiator && initiator !== 'not an origin') urls.add(`${url} (från ${initiator})`);
  }
  return [...urls];
}

export function chromePath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium';
}

export interface LaunchOptions {
  /** The unpacked extension to load (default: the production build). */
  extension?: string;
  viewport?: { width: number; height: number };
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extension = options.extension ?? EXTENSION_DIR;
  if (!existsSync(join(extension, 'manifest.json'))) {
    throw new Error(`Ingen byggd extension i ${extension}: kör "npx wxt build" först.`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'remisskollen-e2e-'));
  const netLog = join(userDataDir, 'netlog.json');
  const args = [
    `--log-net-log=${netLog}`,
    '--headless=new',
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--lang=sv',
    // Chromium's own services (sign-in, component updates) still try to call home: nothing resolves but loopback.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: false, // --headless=new is passed explicitly: extensions need the new headless mode
    args,
    locale: 'sv-SE',
    ...(options.viewport ? { viewport: options.viewport } : {}),
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
