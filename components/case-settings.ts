/**
 * The case index's settings (issue 9), in extension storage:
 * `local:caseIndexSettings` = { enabled, saveText, maxAgeDays, maxCount }.
 * Versioned; every read is validated with zod, and a damaged value falls back to the defaults.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

export const CaseIndexSettingsSchema = z.object({
  /** Remember the council documents the user opens (on by default). */
  enabled: z.boolean(),
  /** Keep each document's full text too ("spara texten"). */
  saveText: z.boolean(),
  maxAgeDays: z.number().int().min(1).max(3650),
  maxCount: z.number().int().min(10).max(50_000),
});
export type CaseIndexSettings = z.infer<typeof CaseIndexSettingsSchema>;

export const DEFAULT_CASE_SETTINGS: CaseIndexSettings = { enabled: true, saveText: false, maxAgeDays: 365, maxCount: 2000 };

export const caseIndexSettings = storage.defineItem<CaseIndexSettings>('local:caseIndexSettings', {
  fallback: DEFAULT_CASE_SETTINGS,
  version: 1,
});

export async function getCaseSettings(): Promise<CaseIndexSettings> {
  const value = await caseIndexSettings.getValue();
  const parsed = CaseIndexSettingsSchema.safeParse({ ...DEFAULT_CASE_SETTINGS, ...(value as object) });
  return parsed.success ? parsed.data : DEFAULT_CASE_SETTINGS;
}

export async function setCaseSettings(patch: Partial<CaseIndexSettings>): Promise<CaseIndexSettings> {
  const next = CaseIndexSettingsSchema.parse({ ...(await getCaseSettings()), ...patch });
  await caseIndexSettings.setValue(next);
  return next;
}

/** Calls back with the settings whenever they change (in any part of the extension). Returns the unsubscribe. */
export function watchCaseSettings(callback: (settings: CaseIndexSettings) => void): () => void {
  return caseIndexSettings.watch((value) => {
    const parsed = CaseIndexSettingsSchema.safeParse({ ...DEFAULT_CASE_SETTINGS, ...(value as object) });
    callback(parsed.success ? parsed.data : DEFAULT_CASE_SETTINGS);
  });
}
