import { browser } from 'wxt/browser';
import { analyzeRequest, AnalyzeResponseSchema, type AnalyzeResponse } from '@/lib/messages';
import { t } from '@/components/i18n';

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

/** Asks the tab's content script for its analysis; a one-line Swedish reason when it cannot. */
export async function requestAnalysis(tabId: number): Promise<AnalyzeResponse> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return { ok: false, reason: t('unreadableNoTab') };
  }
  if (url && !READABLE_URL.test(url)) return { ok: false, reason: t('unreadableBrowserPage') };
  try {
    const raw: unknown = await browser.tabs.sendMessage(tabId, analyzeRequest());
    const parsed = AnalyzeResponseSchema.safeParse(raw);
    return parsed.success ? parsed.data : { ok: false, reason: t('unreadableNotHtml') };
  } catch {
    // No content script answered: the page is not one we may read (no host permission yet).
    return { ok: false, reason: t('unreadableNoAccess') };
  }
}
