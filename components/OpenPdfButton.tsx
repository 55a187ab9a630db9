/**
 * "Öppna i Remisskollen" for a tab that shows a PDF in the browser's own
 * viewer (the content script answered `{ ok: false, pdfUrl }`): the tab
 * navigates to Remisskollen's viewer, which the panel then follows.
 */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { openPdfRequest, OpenPdfResponseSchema } from '@/lib/messages/pdf';

export function OpenPdfButton({ pdfUrl, tabId }: { pdfUrl: string; tabId: number | null }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const open = async () => {
    setState({ busy: true, error: null });
    let error: string | null = 'PDF-filen kunde inte öppnas i Remisskollen.';
    try {
      const raw: unknown = await browser.runtime.sendMessage(openPdfRequest(pdfUrl, tabId ?? undefined));
      const parsed = OpenPdfResponseSchema.safeParse(raw);
      if (parsed.success) error = parsed.data.ok ? null : parsed.data.reason;
    } catch {
      // background unavailable: keep the message
    }
    setState({ busy: false, error });
  };

  return (
    <div className="open-pdf">
      <button type="button" data-testid="open-pdf" disabled={state.busy} onClick={() => void open()}>
        Öppna i Remisskollen
      </button>
      {state.error && (
        <p role="alert" className="unreadable">
          {state.error}
        </p>
      )}
    </div>
  );
}
