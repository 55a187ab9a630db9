/**
 * PDFs in Remisskollen's own viewer: the context-menu entry on PDF links, the
 * side panel's "Öppna i Remisskollen", the way back to the browser's own
 * viewer, and the automatic opening of PDFs from the hosts the user chose
 * (declarativeNetRequest redirect rules limited to those hosts).
 *
 * Every API used here needs a permission (contextMenus, declarativeNetRequest…):
 * a missing one disables its feature, never the background.
 */
import { browser } from 'wxt/browser';
import { onMessage } from '@/components/messaging';
import { pdfSettings } from '@/components/pdf-settings';
import { OpenPdfRequestSchema, viewerUrlFor, type OpenPdfResponse } from '@/lib/messages/pdf';

const MENU_ID = 'remisskollen-open-pdf';
/** Dynamic rules 1000–1999: automatic opening, one per host. */
const AUTO_RULE_BASE = 1000;
const AUTO_RULE_MAX = 1999;
/** Session rules 2000–2999: "open in the browser's viewer" exceptions, one per tab. */
const ALLOW_RULE_BASE = 2000;
const ALLOW_MS = 30_000;

type Dnr = typeof browser.declarativeNetRequest;
type Rule = Parameters<Dnr['updateDynamicRules']>[0]['addRules'] extends (infer R)[] | undefined ? R : never;

const viewerPage = (): string => (browser.runtime.getURL as (path: string) => string)('/viewer.html');
const dnr = (): Dnr | undefined => (browser as { declarativeNetRequest?: Dnr }).declarativeNetRequest;

function setUpContextMenu(): void {
  const menus = (browser as { contextMenus?: typeof browser.contextMenus }).contextMenus;
  if (!menus) return;
  browser.runtime.onInstalled.addListener(() => {
    void menus.removeAll().then(() =>
      menus.create({
        id: MENU_ID,
        title: 'Öppna PDF i Remisskollen',
        contexts: ['link'],
        targetUrlPatterns: ['*://*/*.pdf*', '*://*/*.PDF*'],
      }),
    );
  });
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || !info.linkUrl || !/^(https?|file):/i.test(info.linkUrl)) return;
    void browser.tabs.create({
      url: viewerUrlFor(viewerPage(), info.linkUrl),
      ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
      ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
    });
  });
}

/** Lets one tab load `url` in the browser's own viewer although its host is redirected to Remisskollen. */
async function allowOnce(tabId: number, url: string): Promise<void> {
  const rules = dnr();
  if (!rules) return;
  const id = ALLOW_RULE_BASE + (tabId % 1000);
  const rule: Rule = {
    id,
    priority: 100,
    action: { type: 'allow' },
    condition: { urlFilter: `|${url.split('#')[0]}|`, tabIds: [tabId], resourceTypes: ['main_frame'] },
  } as Rule;
  await rules.updateSessionRules({ removeRuleIds: [id], addRules: [rule] });
  setTimeout(() => void rules.updateSessionRules({ removeRuleIds: [id] }).catch(() => {}), ALLOW_MS);
}

async function openPdf(url: string, target: 'viewer' | 'browser', tabId: number | undefined): Promise<OpenPdfResponse> {
  try {
    if (target === 'browser') {
      if (tabId !== undefined) await allowOnce(tabId, url).catch(() => {});
      const tab = tabId !== undefined ? await browser.tabs.update(tabId, { url }) : await browser.tabs.create({ url });
      return { ok: true, tabId: tab?.id ?? -1 };
    }
    const viewer = viewerUrlFor(viewerPage(), url);
    const tab = tabId !== undefined ? await browser.tabs.update(tabId, { url: viewer }) : await browser.tabs.create({ url: viewer });
    return { ok: true, tabId: tab?.id ?? -1 };
  } catch {
    return { ok: false, reason: 'PDF-filen kunde inte öppnas i en flik.' };
  }
}

/** Redirects PDF addresses (paths ending in .pdf) on the chosen hosts to the viewer; nothing when no host is chosen. */
export async function syncAutoOpenRules(): Promise<void> {
  const rules = dnr();
  if (!rules) return;
  const { autoOpenHosts } = await pdfSettings.get();
  const existing = await rules.getDynamicRules();
  const removeRuleIds = existing.map((r) => r.id).filter((id) => id >= AUTO_RULE_BASE && id <= AUTO_RULE_MAX);
  const addRules = autoOpenHosts.slice(0, AUTO_RULE_MAX - AUTO_RULE_BASE + 1).map(
    (host, i) =>
      ({
        id: AUTO_RULE_BASE + i,
        priority: 1,
        action: { type: 'redirect', redirect: { regexSubstitution: `${viewerPage()}?file=\\0` } },
        condition: {
          regexFilter: '^https?://[^/?#]+/[^?#]*\\.pdf([?#].*)?$',
          isUrlFilterCaseSensitive: false,
          requestDomains: [host],
          resourceTypes: ['main_frame'],
        },
      }) as Rule,
  );
  await rules.updateDynamicRules({ removeRuleIds, addRules });
}

export function setUpPdf(): void {
  setUpContextMenu();
  onMessage(OpenPdfRequestSchema, (request, sender) =>
    openPdf(request.url, request.target, request.tabId ?? sender.tab?.id),
  );
  // The rules follow the setting; checked on every start too (an update may have changed the viewer's address).
  void syncAutoOpenRules().catch((error: unknown) => console.error('Remisskollen: PDF-regler', error));
  pdfSettings.watch(() => void syncAutoOpenRules().catch((error: unknown) => console.error('Remisskollen: PDF-regler', error)));
}
