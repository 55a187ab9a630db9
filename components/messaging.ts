import { browser } from 'wxt/browser';
import type { z } from 'zod';

type Sender = Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1];

/**
 * Listens for the messages `schema` accepts and answers with `handler`'s
 * result. Other messages are left to other listeners. Uses `sendResponse` +
 * `return true`, which every Chromium and Firefox version supports (a returned
 * promise is only understood by newer ones). Returns the unsubscribe function.
 */
export function onMessage<S extends z.ZodType>(
  schema: S,
  handler: (message: z.infer<S>, sender: Sender) => unknown,
): () => void {
  const listener = (message: unknown, sender: Sender, sendResponse: (response: unknown) => void) => {
    const parsed = schema.safeParse(message);
    if (!parsed.success) return false;
    Promise.resolve()
      .then(() => handler(parsed.data, sender))
      .then(sendResponse, (error: unknown) => {
        console.error('Remisskollen:', error);
        sendResponse(undefined);
      });
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
