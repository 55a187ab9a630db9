import { analyze, type AnalysisResult } from '@/lib';
import { AnalyzeTextRequestSchema, type AnalyzeTextResponse } from '@/lib/messages';
import { onMessage } from '@/components/messaging';
import { defaultRegistry } from '@/lib/laws/default';
import { lawLoader } from './laws';
import { recordDocument } from './related';
import { customProfiles, registerCustomProfiles } from '@/components/custom-profiles';

/**
 * Most citations and problems a message carries. A page with more (100,000
 * references) would exceed the browser's message size; only this many are
 * painted anyway, and the panel is told the full counts.
 */
export const MAX_CITATIONS_IN_MESSAGE = 20_000;
const MAX_PROBLEMS_IN_MESSAGE = 5_000;

function fitForMessage(result: AnalysisResult): AnalyzeTextResponse {
  if (result.citations.length <= MAX_CITATIONS_IN_MESSAGE && result.problems.length <= MAX_PROBLEMS_IN_MESSAGE) {
    return { ok: true, result };
  }
  return {
    ok: true,
    result: {
      ...result,
      citations: result.citations.slice(0, MAX_CITATIONS_IN_MESSAGE),
      problems: result.problems.slice(0, MAX_PROBLEMS_IN_MESSAGE),
    },
    truncated: { citations: result.citations.length, problems: result.problems.length },
  };
}

/**
 * Analyses text sent by a content script here, off the page's main thread:
 * the page stays responsive while a large document is analysed.
 */
let profilesReady: Promise<unknown> = Promise.resolve();

export function setUpAnalysis(): void {
  // The organisation's own profiles, kept current when the options page changes them.
  profilesReady = registerCustomProfiles();
  customProfiles.watch(() => {
    profilesReady = registerCustomProfiles();
  });
  onMessage(AnalyzeTextRequestSchema, async (request, sender): Promise<AnalyzeTextResponse> => {
    try {
      // Titles of every SFS number, so a law cited only by number is named too (loaded once).
      await Promise.all([defaultRegistry().loadTitleIndex(lawLoader), profilesReady]);
      const result = analyze(request.text, { date: request.date, profile: request.profile });
      // A council document the user opened goes into the local case index (when the setting allows it).
      const url = sender.tab?.url;
      if (url && result.document.kind !== 'unknown') {
        void recordDocument({ type: 'remisskollen/record-document', result, text: request.text, url }).catch((e: unknown) =>
          console.error('Remisskollen: ärendeindexet', e),
        );
      }
      return fitForMessage(result);
    } catch (error) {
      console.error('Remisskollen: analysen misslyckades', error);
      return { ok: false, reason: 'Analysen misslyckades oväntat. Försök igen, och rapportera felet om det upprepas.' };
    }
  });
}
