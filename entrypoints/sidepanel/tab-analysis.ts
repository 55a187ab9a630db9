import { browser } from 'wxt/browser';
import { analyzeRequest, AnalyzeResponseSchema, viewerRequest, type AnalyzeResponse, type ContentRequest } from '@/lib/messages';
import { t } from '@/components/i18n';
import { CONTENT_SCRIPT_FILE } from '@/components/content-script-file';

/**
 * Which tab the panel shows: `?tabId=N` when the panel page was opened for a
 * given tab (tests, links from other extension pages), else the active tab of
 * the panel's window.
 */
export async function targetTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const READABLE_URL = /^(https?|file):/;

/** True for a tab showing Remisskollen's own PDF viewer. */
export function isViewerUrl(url: string | undefined): boolean {
  // Cast: the viewer page's path is only known to WXT's generated types once the viewer entrypoint exists.
  return Boolean(url?.startsWith((browser.runtime.getURL as (path: string) => string)('/viewer.html')));
}

/** Sends a request to whatever shows the tab's document: its content script, or Remisskollen's PDF viewer. */
export async function sendToTab(tabId: number, url: string | undefined, request: ContentRequest): Promise<unknown> {
  if (isViewerUrl(url)) return browser.runtime.sendMessage(viewerRequest(tabId, request));
  return browser.tabs.sendMessage(tabId, request);
}

/** Asks the tab for its analysis; a one-line Swedish reason when it cannot. */
export async function requestAnalysis(tabId: number): Promise<AnalyzeResponse> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return { ok: false, reason: t('unreadableNoTab') };
  }
  if (url && !READABLE_URL.test(url) && !isViewerUrl(url)) return { ok: false, reason: t('unreadableBrowserPage') };
  try {
    return parse(await sendToTab(tabId, url, analyzeRequest()));
  } catch {
    // No content script on the page: inject it where the user's toolbar click (activeTab) or a granted site allows.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [`/${CONTENT_SCRIPT_FILE}`] });
    return parse(await sendToTab(tabId, url, analyzeRequest()));
  } catch {
    return { ok: false, reason: t('unreadableNoAccess'), needsAccess: true };
  }
}

function parse(raw: unknown): AnalyzeResponse {
  const parsed = AnalyzeResponseSchema.safeParse(raw);
  return parsed.success ? parsed.data : { ok: false, reason: t('unreadableNotHtml') };
}
