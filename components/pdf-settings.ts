/**
 * The PDF settings (`local:pdfSettings`): which hosts' PDFs open in
 * Remisskollen's viewer automatically. Off by default (no host). Read by the
 * background (redirect rules) and written by the options page.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_PDF_SETTINGS, PdfSettingsSchema } from '@/lib/messages/pdf';
import { defineStoredSetting } from './stored-setting';

export const pdfSettings = defineStoredSetting('local:pdfSettings', PdfSettingsSchema, DEFAULT_PDF_SETTINGS);

/** Match patterns for a host's pages (both schemes). */
export const hostOrigins = (host: string): string[] => [`https://${host}/*`, `http://${host}/*`];

/**
 * Saves the hosts, after asking the browser for access to them (must run in a
 * user gesture, e.g. a click). Returns false when the user refused.
 */
export async function saveAutoOpenHosts(hosts: string[]): Promise<boolean> {
  const parsed = PdfSettingsSchema.parse({ autoOpenHosts: [...new Set(hosts)] });
  if (parsed.autoOpenHosts.length > 0) {
    const granted = await browser.permissions.request({ origins: parsed.autoOpenHosts.flatMap(hostOrigins) }).catch(() => false);
    if (!granted) return false;
  }
  await pdfSettings.set(parsed);
  return true;
}
