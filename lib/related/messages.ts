/**
 * Messages to the background's case index, and the export file format.
 * Parsed with zod on arrival: anything else is ignored.
 */
import { z } from 'zod';
import { AnalysisResultSchema, DocumentKindSchema } from '../analysis/schema';
import { CaseRecordSchema, migrate, type CaseRecord } from './schema';

const PREFIX = 'remisskollen/';

/** "Remember this document": stored only when the setting allows it and the kind is known. */
export const RecordDocumentSchema = z.object({
  type: z.literal(`${PREFIX}record-document`),
  result: AnalysisResultSchema,
  text: z.string(),
  url: z.string().optional(),
  fileName: z.string().optional(),
  /** Defaults to result.document.kind. */
  kind: DocumentKindSchema.optional(),
});
export type RecordDocument = z.infer<typeof RecordDocumentSchema>;

export const RecordDocumentResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    stored: z.boolean(),
    /** Why it was not stored: the setting is off, or the kind is unknown. */
    skipped: z.enum(['disabled', 'unknown-kind', 'no-source']).optional(),
    id: z.string().optional(),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type RecordDocumentResponse = z.infer<typeof RecordDocumentResponseSchema>;

/** "Which stored documents belong to the same case as this one?" */
export const RelatedRequestSchema = z.object({
  type: z.literal(`${PREFIX}related`),
  result: AnalysisResultSchema,
  /** Without the text, the stored record of the same address gives the fingerprint (if any). */
  text: z.string().optional(),
  url: z.string().optional(),
  fileName: z.string().optional(),
  limit: z.number().int().positive().max(100).optional(),
});
export type RelatedRequest = z.infer<typeof RelatedRequestSchema>;

export const RelatedReasonSchema = z.object({
  code: z.enum(['case-number', 'motion', 'title', 'text', 'law']),
  label: z.string(),
  score: z.number(),
});

export const RelatedResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** Whether the case index is switched on. */
    enabled: z.boolean(),
    related: z.array(z.object({ record: CaseRecordSchema, reasons: z.array(RelatedReasonSchema), score: z.number() })),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type RelatedResponse = z.infer<typeof RelatedResponseSchema>;

export const CaseMessageSchema = z.discriminatedUnion('type', [RecordDocumentSchema, RelatedRequestSchema]);
export type CaseMessage = z.infer<typeof CaseMessageSchema>;

/** The JSON file "Exportera" writes and "Importera" reads. */
export const EXPORT_FORMAT = 'remisskollen-case-index';
export const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  records: z.array(z.unknown()),
});

export function exportFile(records: CaseRecord[], now: string): z.infer<typeof ExportFileSchema> {
  return { format: EXPORT_FORMAT, version: 1, exportedAt: now, records };
}

/**
 * Reads an export file's text. Every record is migrated to the current
 * version; throws one Swedish sentence naming what is wrong.
 */
export function parseExportFile(json: string): CaseRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error('Filen är ingen JSON-fil. Välj en fil som exporterats från Remisskollens historik.');
  }
  const file = ExportFileSchema.safeParse(data);
  if (!file.success) {
    throw new Error('Filen är ingen export av Remisskollens historik (formatet känns inte igen).');
  }
  return file.data.records.map((r, i) => {
    try {
      return migrate(r);
    } catch (error) {
      const why = error instanceof z.ZodError ? 'fälten stämmer inte' : (error as Error).message;
      throw new Error(`Post ${i + 1} i filen kan inte läsas: ${why}`);
    }
  });
}
