import { analyze } from '@/lib';
import { AnalyzeTextRequestSchema, type AnalyzeTextResponse } from '@/lib/messages';
import { onMessage } from '@/components/messaging';
import { defaultRegistry } from '@/lib/laws/default';
import { lawLoader } from './laws';

/**
 * Analyses text sent by a content script here, off the page's main thread:
 * the page stays responsive while a large document is analysed.
 */
export function setUpAnalysis(): void {
  onMessage(AnalyzeTextRequestSchema, async (request): Promise<AnalyzeTextResponse> => {
    try {
      // Titles of every SFS number, so a law cited only by number is named too (loaded once).
      await defaultRegistry().loadTitleIndex(lawLoader);
      return { ok: true, result: analyze(request.text, { date: request.date }) };
    } catch (error) {
      console.error('Remisskollen: analysen misslyckades', error);
      return { ok: false, reason: 'Analysen misslyckades oväntat. Försök igen, och rapportera felet om det upprepas.' };
    }
  });
}
