/**
 * Messages and stored values of the draft check (issue 8):
 *
 * - background → panel: a selection to check ("Kontrollera markerad text"),
 *   kept in `storage.session` under PENDING_DRAFT_KEY (so a panel that opens
 *   later still finds it) and also sent as a runtime message (for a panel that is open);
 * - panel → content script: the focused text field's text, and painting or
 *   clearing the findings' underlines over it (the field itself is never changed).
 */
import { z } from 'zod';
import { SeveritySchema } from '../analysis/schema';

const offset = z.number().int().nonnegative();
/** Texts longer than this are refused (some 400 pages of council text). */
export const MAX_DRAFT_CHARS = 2_000_000;

/** `storage.session` key (WXT form) of the draft waiting for the panel. */
export const PENDING_DRAFT_KEY = 'session:pendingDraft' as const;

export const PendingDraftSchema = z.object({
  text: z.string().max(MAX_DRAFT_CHARS),
  source: z.enum(['selection', 'field']),
  /** Page the text came from. */
  url: z.string().max(4096).optional(),
  title: z.string().max(1000).optional(),
  /** Tab it came from (for painting findings back on a field). */
  tabId: z.number().int().optional(),
  /** Date.now() when it was handed over: the panel takes each hand-over once. */
  at: z.number(),
});
export type PendingDraft = z.infer<typeof PendingDraftSchema>;

/** Background → panel: a new pending draft is in storage.session. */
export const DraftHandoffMessageSchema = z.object({
  type: z.literal('remisskollen/draft-handoff'),
  draft: PendingDraftSchema,
});
export type DraftHandoffMessage = z.infer<typeof DraftHandoffMessageSchema>;

/** Panel → content script: give me the focused (or last focused) text field's text. */
export const FieldTextRequestSchema = z.object({ type: z.literal('remisskollen/field-text') });

export const FieldTextResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    text: z.string().max(MAX_DRAFT_CHARS),
    field: z.enum(['textarea', 'input', 'contenteditable']),
    /** The field's label, placeholder or name, when it has one. */
    label: z.string().max(300).optional(),
  }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
export type FieldTextResponse = z.infer<typeof FieldTextResponseSchema>;

/** One underline to paint: offsets into the text FieldTextResponse gave. */
export const FieldMarkSchema = z.object({
  start: offset,
  end: offset,
  severity: SeveritySchema,
  message: z.string().max(2000),
});
export type FieldMark = z.infer<typeof FieldMarkSchema>;

/** Panel → content script: underline these ranges over the field (replacing earlier marks). */
export const FieldPaintRequestSchema = z.object({
  type: z.literal('remisskollen/field-paint'),
  /** The text the marks were computed for; marks are dropped when the field no longer holds it. */
  text: z.string().max(MAX_DRAFT_CHARS),
  marks: z.array(FieldMarkSchema).max(5000),
});
/** Panel → content script: remove the underlines. */
export const FieldClearRequestSchema = z.object({ type: z.literal('remisskollen/field-clear') });

export const FieldRequestSchema = z.discriminatedUnion('type', [FieldTextRequestSchema, FieldPaintRequestSchema, FieldClearRequestSchema]);
export type FieldRequest = z.infer<typeof FieldRequestSchema>;

export const FieldPaintResponseSchema = z.object({ ok: z.boolean(), painted: z.number().int().nonnegative(), reason: z.string().optional() });
export type FieldPaintResponse = z.infer<typeof FieldPaintResponseSchema>;

/** The rules the user chose to ignore (`local:ignoredRules`, version 1). */
export const IgnoredRulesSchema = z.object({ rules: z.array(z.string().min(1).max(100)).max(200) });
export type IgnoredRules = z.infer<typeof IgnoredRulesSchema>;
export const IGNORED_RULES_KEY = 'local:ignoredRules' as const;
