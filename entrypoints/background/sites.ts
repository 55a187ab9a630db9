import { browser } from 'wxt/browser';

const SCRIPT_ID = 'remisskollen-granted-sites';
import { CONTENT_SCRIPT_FILE } from '@/components/content-script-file';

/** The manifest's own content-script hosts: they need no registration. */
function staticMatches(): Set<string> {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  return new Set(scripts.flatMap((s) => s.matches ?? []));
}

/**
 * Runs the content script on the sites the user granted on the options page
 * (optional host permissions; "<all_urls>" when references are to be
 * highlighted on every page). Kept in step with the granted permissions.
 */
async function syncRegisteredScripts(): Promise<void> {
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const own = staticMatches();
  const matches = granted.filter((o) => !own.has(o) && /^(https?|file|\*):\/\/|^<all_urls>$/.test(o));
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches, js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

export function setUpGrantedSites(): void {
  const sync = () => void syncRegisteredScripts().catch((e: unknown) => console.error('Remisskollen: webbplatser', e));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
}
