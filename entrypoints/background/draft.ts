/**
 * "Kontrollera markerad text" (and "Kontrollera textfältet") in the context
 * menu: opens the side panel (inside the click's user gesture) and hands the
 * text to its draft check — stored in `storage.session` (PENDING_DRAFT_KEY),
 * which a panel that opens reads, and announced by a runtime message to a panel
 * that is already open. Needs the "contextMenus" permission; reading the page's
 * selection with line breaks uses "scripting" with the activeTab grant the menu click gives.
 */
import { browser } from 'wxt/browser';
import { setPendingDraft } from '@/components/draft-storage';
import { MAX_DRAFT_CHARS, type DraftHandoffMessage, type PendingDraft } from '@/lib/messages/draft';

export const MENU_SELECTION = 'remisskollen-check-selection';
export const MENU_FIELD = 'remisskollen-check-field';

type Tab = { id?: number; url?: string; title?: string; windowId?: number };
type ClickInfo = { menuItemId: string | number; selectionText?: string; frameId?: number };

function createMenus(): void {
  void browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: MENU_SELECTION, title: 'Kontrollera markerad text', contexts: ['selection'] });
    browser.contextMenus.create({ id: MENU_FIELD, title: 'Kontrollera textfältet', contexts: ['editable'] });
  });
}

/** Opens the panel; must be called synchronously in the click handler (user gesture). */
function openPanel(tab: Tab | undefined): void {
  if (browser.sidePanel && tab?.id !== undefined) {
    browser.sidePanel.open({ tabId: tab.id }).catch((e: unknown) => console.error('Remisskollen: sidopanelen kunde inte öppnas', e));
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  void sidebar?.open().catch((e: unknown) => console.error('Remisskollen: sidofältet kunde inte öppnas', e));
}

/** Runs `func` in the frame that was clicked; null when the page cannot be scripted. */
async function inFrame(tab: Tab, frameId: number | undefined, func: () => string): Promise<string | null> {
  if (tab.id === undefined) return null;
  try {
    const [res] = await browser.scripting.executeScript({
      target: { tabId: tab.id, ...(frameId !== undefined ? { frameIds: [frameId] } : {}) },
      func,
    });
    return typeof res?.result === 'string' ? res.result : null;
  } catch {
    return null;
  }
}

/** The selection as the page has it (with its line breaks; the menu's selectionText has none). */
function pageSelection(): string {
  return globalThis.getSelection?.()?.toString() ?? '';
}

/** The focused field's text (textarea, input, contenteditable). */
function focusedFieldText(): string {
  const el = document.activeElement;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value;
  if (el instanceof HTMLElement && el.isContentEditable) return el.innerText;
  return '';
}

async function handOver(draft: PendingDraft): Promise<void> {
  await setPendingDraft(draft);
  const message: DraftHandoffMessage = { type: 'remisskollen/draft-handoff', draft };
  // no receiver when the panel is not open yet: it reads storage.session when it opens
  await browser.runtime.sendMessage(message).catch(() => undefined);
}

export function setUpDraftCheck(): void {
  if (!browser.contextMenus) {
    console.warn('Remisskollen: behörigheten "contextMenus" saknas; "Kontrollera markerad text" finns inte i menyn.');
    return;
  }
  browser.runtime.onInstalled.addListener(createMenus);
  browser.runtime.onStartup?.addListener(createMenus);
  browser.contextMenus.onClicked.addListener((info: ClickInfo, tab?: Tab) => {
    if (info.menuItemId !== MENU_SELECTION && info.menuItemId !== MENU_FIELD) return;
    openPanel(tab);
    const field = info.menuItemId === MENU_FIELD;
    void (async () => {
      const fromPage = tab ? await inFrame(tab, info.frameId, field ? focusedFieldText : pageSelection) : null;
      const text = (fromPage && fromPage.trim() ? fromPage : (info.selectionText ?? '')).slice(0, MAX_DRAFT_CHARS);
      if (!text.trim()) return;
      await handOver({
        text,
        source: field ? 'field' : 'selection',
        at: Date.now(),
        ...(tab?.url ? { url: tab.url.slice(0, 4096) } : {}),
        ...(tab?.title ? { title: tab.title.slice(0, 1000) } : {}),
        ...(tab?.id !== undefined ? { tabId: tab.id } : {}),
      });
    })();
  });
}
