import { browser } from 'wxt/browser';
import { analyzeRequest, AnalyzeResponseSchema, viewerRequest, type AnalyzeResponse, type ContentRequest } from '@/lib/messages';
import { t } from '@/components/i18n';
import { CONTENT_SCRIPT_FILE } from '@/components/content-script-file';

function queryNumber(name: string): number | null {
  const n = Number(new URLSearchParams(location.search).get(name));
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** A window the panel follows when opened outside it (`?windowId=N`); null = the panel's own window. */
export const followedWindowId = (): number | null => queryNumber('windowId');

/**
 * Which tab the panel shows: `?tabId=N` when the panel page was opened for a
 * given tab (tests, links from other extension pages), else the active tab of
 * the followed window (`?windowId=N`) or of the panel's own window.
 */
export async function targetTabId(): Promise<number | null> {
  const fixed = queryNumber('tabId');
  if (fixed !== null) return fixed;
  const windowId = followedWindowId();
  const [tab] = await browser.tabs.query(windowId !== null ? { active: true, windowId } : { active: true, currentWindow: true });
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
export async function requestAnalysis(tabId: number, profile?: string): Promise<AnalyzeResponse> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return { ok: false, reason: t('unreadableNoTab') };
  }
  if (url && !READABLE_URL.test(url) && !isViewerUrl(url)) return { ok: false, reason: t('unreadableBrowserPage') };
  try {
    return parse(await sendToTab(tabId, url, analyzeRequest(profile)));
  } catch {
    // No content script on the page: inject it where the user's toolbar click (activeTab) or a granted site allows.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [`/${CONTENT_SCRIPT_FILE}`] });
    return parse(await sendToTab(tabId, url, analyzeRequest(profile)));
  } catch {
    return { ok: false, reason: t('unreadableNoAccess'), needsAccess: true };
  }
}

function parse(raw: unknown): AnalyzeResponse {
  const parsed = AnalyzeResponseSchema.safeParse(raw);
  return parsed.success ? parsed.data : { ok: false, reason: t('unreadableNotHtml') };
}
