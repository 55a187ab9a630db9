import { defineContentScript } from 'wxt/utils/define-content-script';
import { ContentRequestSchema, type AnalyzeResponse } from '@/lib/messages';
import { onMessage } from '@/components/messaging';
import { looksLikeCouncilPage } from './detect';
import { PageSession } from './session';
import { FieldRequestSchema } from '@/lib/messages/draft';
import { handleFieldRequest, trackFocusedField } from './field-check';
import { settings } from '@/components/settings';

export default defineContentScript({
  // Council-document hosts, and local copies (the bundled samples are served on 127.0.0.1).
  // Elsewhere the extension runs only when the user asks (toolbar click: activeTab).
  matches: ['https://*.stockholm.se/*', 'https://*.stockholm/*', 'http://127.0.0.1/*', 'http://localhost/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Only the top document: frames get no highlights of their own (a page inside a frame is left alone).
    if (window.top !== window) return;
    // Injected again (the panel's "Analysera sidan", a registered site)? One session per page.
    const flag = globalThis as { __remisskollen?: boolean };
    if (flag.__remisskollen) return;
    flag.__remisskollen = true;
    ctx.onInvalidated(() => {
      flag.__remisskollen = false;
    });
    // "Kontrollera textfältet": the focused text field's draft, and its findings underlined in an overlay.
    ctx.onInvalidated(trackFocusedField());
    ctx.onInvalidated(onMessage(FieldRequestSchema, (request) => handleFieldRequest(request)));

    if (document.contentType === 'application/pdf') {
      // The browser's own PDF viewer cannot be scripted: offer Remisskollen's viewer instead.
      onMessage(ContentRequestSchema, (): AnalyzeResponse => ({
        ok: false,
        reason: 'Sidan visar en PDF i webbläsarens egen visare. Öppna den i Remisskollen för att se analysen.',
        pdfUrl: location.href,
      }));
      return;
    }

    const session = new PageSession(ctx);
    const stop = onMessage(ContentRequestSchema, (request) =>
      request.type === 'remisskollen/analyze' ? session.analysis(true, request.profile) : session.reveal(request.start, request.end),
    );
    ctx.onInvalidated(stop);

    const headings = [...document.querySelectorAll('h1, h2, h3')].slice(0, 5).map((h) => h.textContent ?? '');
    void settings.get().then(({ highlightEverywhere }) => {
      if (highlightEverywhere) void session.analysis(true);
      else if (looksLikeCouncilPage({ url: location.href, title: document.title, headings })) void session.analysis(false);
    });
  },
});
