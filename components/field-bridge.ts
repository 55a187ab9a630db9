/**
 * The panel's line to the focused text field on a page: asks the content
 * script (entrypoints/content/field-check.ts) for the field's text and to
 * paint or clear the findings' underlines over it.
 */
import { browser } from 'wxt/browser';
import {
  FieldPaintResponseSchema,
  FieldTextResponseSchema,
  type FieldMark,
  type FieldRequest,
  type FieldTextResponse,
} from '@/lib/messages/draft';

export interface FieldBridge {
  getText(): Promise<FieldTextResponse>;
  paint(text: string, marks: FieldMark[]): Promise<number>;
  clear(): Promise<void>;
}

async function activeTab(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id ?? null;
}

/** A bridge to the content script in `tabId`, or in the active tab of the last focused window. */
export function tabFieldBridge(tabId?: number): FieldBridge {
  const send = async (msg: FieldRequest): Promise<unknown> => {
    const id = tabId ?? (await activeTab());
    if (id === null) throw new Error('ingen flik');
    return browser.tabs.sendMessage(id, msg);
  };
  return {
    async getText() {
      try {
        const parsed = FieldTextResponseSchema.safeParse(await send({ type: 'remisskollen/field-text' }));
        return parsed.success ? parsed.data : { ok: false, reason: 'Sidan svarade inte.' };
      } catch {
        return { ok: false, reason: 'Remisskollen kan inte läsa den här sidan.' };
      }
    },
    async paint(text, marks) {
      try {
        const parsed = FieldPaintResponseSchema.safeParse(await send({ type: 'remisskollen/field-paint', text, marks }));
        return parsed.success ? parsed.data.painted : 0;
      } catch {
        return 0;
      }
    },
    async clear() {
      await send({ type: 'remisskollen/field-clear' }).catch(() => undefined);
    },
  };
}
