/**
 * Messages and settings for PDFs: opening a PDF in Remisskollen's own viewer
 * (side panel / viewer → background) and the automatic opening of PDFs from
 * hosts the user chose.
 */
import { z } from 'zod';

const pdfUrl = z.string().regex(/^(https?|file):\/\//i, 'en http(s)- eller file-adress');

/**
 * Panel or viewer → background. `target: 'viewer'` opens `url` in Remisskollen's viewer,
 * `'browser'` in the browser's own viewer (never redirected back to Remisskollen).
 * With `tabId` that tab navigates; without it the sender's tab does, or else a new tab opens.
 */
export const OpenPdfRequestSchema = z.object({
  type: z.literal('remisskollen/open-pdf'),
  url: pdfUrl,
  target: z.enum(['viewer', 'browser']).default('viewer'),
  tabId: z.number().int().nonnegative().optional(),
});
export type OpenPdfRequest = z.input<typeof OpenPdfRequestSchema>;

export const OpenPdfResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), tabId: z.number().int() }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
export type OpenPdfResponse = z.infer<typeof OpenPdfResponseSchema>;

export const openPdfRequest = (url: string, tabId?: number, target: 'viewer' | 'browser' = 'viewer'): OpenPdfRequest => ({
  type: 'remisskollen/open-pdf',
  url,
  target,
  ...(tabId === undefined ? {} : { tabId }),
});

/** A host name as the user types it ("insyn.stockholm.se"); no scheme, path or wildcard. */
export const HostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/, 'ett värdnamn som insyn.stockholm.se');

/** Stored as `local:pdfSettings`. Off by default: no host opens automatically. */
export const PdfSettingsSchema = z.object({
  autoOpenHosts: z.array(HostSchema).max(50).default([]),
});
export type PdfSettings = z.infer<typeof PdfSettingsSchema>;
export const DEFAULT_PDF_SETTINGS: PdfSettings = { autoOpenHosts: [] };

/**
 * The viewer's address for a PDF: `<viewerPage>?file=<url>`, the url encoded
 * so that its own query survives. `viewerPage` is `runtime.getURL('/viewer.html')`.
 */
export function viewerUrlFor(viewerPage: string, fileUrl: string): string {
  return `${viewerPage}?file=${encodeURIComponent(fileUrl)}`;
}

/**
 * The PDF address in a viewer URL's query. Accepts the encoded form
 * (`viewerUrlFor`) and the raw form a redirect rule writes (`?file=https://h/a.pdf?x=1&y=2`):
 * everything after `file=` is the address.
 */
export function fileParam(search: string): string | null {
  const m = /[?&]file=(.*)$/s.exec(search);
  if (!m || m[1] === '') return null;
  const raw = m[1];
  if (/^(https?|file)%3A/i.test(raw)) {
    try {
      return decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  return raw;
}
