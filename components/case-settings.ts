/**
 * The case index's settings (issue 9), in extension storage:
 * `local:caseIndexSettings` = { enabled, saveText, maxAgeDays, maxCount }.
 * Versioned; every read is validated with zod, and a damaged value falls back to the defaults.
 */
import { z } from 'zod';
import { defineStoredSetting } from './stored-setting';

export const CaseIndexSettingsSchema = z.object({
  /** Remember the council documents the user opens (on by default). */
  enabled: z.boolean(),
  /** Keep each document's full text too ("spara texten"). */
  saveText: z.boolean(),
  maxAgeDays: z.number().int().min(1).max(3650),
  maxCount: z.number().int().min(10).max(50_000),
});
export type CaseIndexSettings = z.infer<typeof CaseIndexSettingsSchema>;

export const caseIndexSettings = defineStoredSetting('local:caseIndexSettings', CaseIndexSettingsSchema, {
  enabled: true,
  saveText: false,
  maxAgeDays: 365,
  maxCount: 2000,
});
