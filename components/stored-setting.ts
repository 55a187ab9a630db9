/**
 * A setting kept in extension storage: a versioned WXT storage item whose
 * every read and write is validated with zod. A damaged or foreign value
 * falls back to the defaults instead of breaking the page that reads it.
 */
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type { z } from 'zod';

export interface StoredSetting<T extends object> {
  get(): Promise<T>;
  /** Merges `patch` into the stored value (validated) and returns the result. */
  set(patch: Partial<T>): Promise<T>;
  /** Calls back with the new value whenever any part of the extension changes it; returns the unsubscribe. */
  watch(callback: (value: T) => void): () => void;
  readonly defaults: T;
}

export function defineStoredSetting<S extends z.ZodType<object>>(
  key: StorageItemKey,
  schema: S,
  defaults: z.infer<S>,
  versioning: { version: number; migrations?: Record<number, (old: unknown) => unknown> } = { version: 1 },
): StoredSetting<z.infer<S>> {
  type T = z.infer<S>;
  const item = storage.defineItem<T>(key, { fallback: defaults, ...versioning });
  const read = (value: unknown): T => {
    const parsed = schema.safeParse({ ...defaults, ...(typeof value === 'object' && value ? value : {}) });
    return parsed.success ? parsed.data : defaults;
  };
  return {
    defaults,
    get: async () => read(await item.getValue()),
    set: async (patch) => {
      const next = schema.parse({ ...read(await item.getValue()), ...patch }) as T;
      await item.setValue(next);
      return next;
    },
    watch: (callback) => item.watch((value) => callback(read(value))),
  };
}
