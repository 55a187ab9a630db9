/**
 * Messages between the extension's parts (side panel ⇄ content script ⇄
 * background). Every message is parsed with these schemas on arrival, so a
 * malformed or foreign message is ignored instead of crashing a listener.
 */
import { z } from 'zod';
import { AnalysisResultSchema } from '../analysis/schema';

const offset = z.number().int().nonnegative();

/** Panel → content script: the page's analysis (running it if needed, even on pages that are no council document). */
export const AnalyzeRequestSchema = z.object({
  type: z.literal('remisskollen/analyze'),
  /** A section profile chosen in the panel; default: from the kind (or the options page's choice). */
  profile: z.string().max(100).optional(),
});
/** Panel → content script: scroll the document to [start, end) of the analysed text and flash it. */
export const RevealRequestSchema = z.object({
  type: z.literal('remisskollen/reveal'),
  start: offset,
  end: offset,
});
/** Content script → background: analyse this text off the page's main thread. */
export const AnalyzeTextRequestSchema = z.object({
  type: z.literal('remisskollen/analyze-text'),
  text: z.string(),
  date: z.string().optional(),
  profile: z.string().max(100).optional(),
});

export const ContentRequestSchema = z.discriminatedUnion('type', [AnalyzeRequestSchema, RevealRequestSchema]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

/** How the page was treated, for the panel to explain. */
export const PageNoticeSchema = z.object({
  code: z.enum(['too-many-citations', 'highlights-cleared', 'card-host-removed', 'highlight-unsupported', 'not-a-council-document']),
  message: z.string(),
});
export type PageNotice = z.infer<typeof PageNoticeSchema>;

export const AnalyzeResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    url: z.string(),
    pageTitle: z.string(),
    textLength: z.number().int().nonnegative(),
    result: AnalysisResultSchema,
    /** True when the page's references are highlighted (council documents, or the user asked). */
    highlighted: z.boolean().default(false),
    /** Set when the lists were cut to fit a message: the full counts. */
    truncated: z.object({ citations: z.number().int(), problems: z.number().int() }).optional(),
    notices: z.array(PageNoticeSchema).default([]),
    /** What the extension cost the page's main thread (for `npm run bench`). */
    timing: z
      .object({ mainThreadMs: z.number(), longestTaskMs: z.number(), totalMs: z.number() })
      .optional(),
  }),
  z.object({
    ok: z.literal(false),
    /** One line of plain Swedish for the user. */
    reason: z.string(),
    /** The tab shows a PDF in the browser's own viewer: the panel offers "Öppna i Remisskollen". */
    pdfUrl: z.string().optional(),
    /** The extension may not read the page yet: the panel offers to grant access to the site. */
    needsAccess: z.boolean().optional(),
  }),
]);
export type AnalyzeResponse = z.infer<typeof AnalyzeResponseSchema>;

export const AnalyzeTextResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    result: AnalysisResultSchema,
    /** Set when the lists were cut to fit a message: the full counts. */
    truncated: z.object({ citations: z.number().int(), problems: z.number().int() }).optional(),
  }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
export type AnalyzeTextResponse = z.infer<typeof AnalyzeTextResponseSchema>;

/** Content script → any open panel: the page's analysis changed (navigation, dynamic content). */
export const PageChangedSchema = z.object({ type: z.literal('remisskollen/page-changed'), url: z.string() });
export type PageChanged = z.infer<typeof PageChangedSchema>;

export const analyzeRequest = (profile?: string): ContentRequest => ({
  type: 'remisskollen/analyze',
  ...(profile ? { profile } : {}),
});
export const revealRequest = (start: number, end: number): ContentRequest => ({ type: 'remisskollen/reveal', start, end });

/** Card → background: the bundled text of one section, loaded lazily. */
export const LawSectionRequestSchema = z.object({
  type: z.literal('remisskollen/law-section'),
  sfs: z.string().regex(/^\d{4}:\d{1,5}$/),
  chapter: z.string().max(8).optional(),
  section: z.string().max(8),
});
export type LawSectionRequest = z.infer<typeof LawSectionRequestSchema>;

export const LawSectionResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    heading: z.string().optional(),
    /** Paragraphs (stycken), in order. */
    paragraphs: z.array(z.string()),
    possiblyTruncated: z.boolean().default(false),
    consolidatedThrough: z.string().optional(),
  }),
  z.object({ ok: z.literal(false) }),
]);
export type LawSectionResponse = z.infer<typeof LawSectionResponseSchema>;

export const lawSectionRequest = (sfs: string, section: string, chapter?: string): LawSectionRequest => ({
  type: 'remisskollen/law-section',
  sfs,
  section,
  ...(chapter ? { chapter } : {}),
});

/**
 * Panel → Remisskollen's PDF viewer tab. Extension pages do not receive
 * `tabs.sendMessage`, so the panel broadcasts with `runtime.sendMessage` and
 * only the viewer whose own tab id matches answers.
 */
export const ViewerRequestSchema = z.object({
  type: z.literal('remisskollen/viewer'),
  tabId: z.number().int(),
  request: ContentRequestSchema,
});
export type ViewerRequest = z.infer<typeof ViewerRequestSchema>;

export const viewerRequest = (tabId: number, request: ContentRequest): ViewerRequest => ({
  type: 'remisskollen/viewer',
  tabId,
  request,
});
