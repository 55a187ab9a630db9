/**
 * The draft check's stored state: the ignored rules (`local:ignoredRules`,
 * versioned, validated with zod on every read and write) and the draft handed
 * over by the context menu (`session:pendingDraft`).
 */
import { storage } from 'wxt/utils/storage';
import { IGNORED_RULES_KEY, IgnoredRulesSchema, PENDING_DRAFT_KEY, PendingDraftSchema, type PendingDraft } from '@/lib/messages/draft';
import { defineStoredSetting } from './stored-setting';

export const ignoredRules = defineStoredSetting(IGNORED_RULES_KEY, IgnoredRulesSchema, { rules: [] }, { version: 1 });

const pending = storage.defineItem<PendingDraft | null>(PENDING_DRAFT_KEY, { fallback: null });

/** Stores a draft for the panel (background). */
export async function setPendingDraft(draft: PendingDraft): Promise<void> {
  await pending.setValue(PendingDraftSchema.parse(draft));
}

/** Takes the waiting draft, if any (it is removed, so it is loaded once). */
export async function takePendingDraft(): Promise<PendingDraft | null> {
  const value = await pending.getValue();
  if (value === null) return null;
  await pending.removeValue();
  const parsed = PendingDraftSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Calls back when a new draft is stored; returns the unsubscribe. */
export function watchPendingDraft(callback: () => void): () => void {
  return pending.watch((value) => {
    if (value) callback();
  });
}
