import { browser } from 'wxt/browser';
import { defaultRegistry } from '@/lib/laws/default';
import { createFetchLoader } from '@/lib/laws/fetch-loader';
import { LawSectionRequestSchema, type LawSectionResponse } from '@/lib/messages';
import { onMessage } from '@/components/messaging';

/** Law data packaged with the extension (public/laws/), read with fetch: no network. */
export const lawLoader = createFetchLoader((file) => browser.runtime.getURL(`/laws/${file}` as '/laws/sfs-index.json'));

/**
 * Gives look-up cards the bundled text of a cited section. The texts are
 * loaded on first use, so neither the content script nor start-up carries them.
 */
export function setUpLawTexts(): void {
  onMessage(LawSectionRequestSchema, async (request): Promise<LawSectionResponse> => {
    const registry = defaultRegistry();
    const [section, texts] = await Promise.all([
      registry.sectionText(request.sfs, request.chapter, request.section, lawLoader),
      registry.lawTexts(request.sfs, lawLoader),
    ]);
    if (!section) return { ok: false };
    return {
      ok: true,
      heading: section.heading,
      paragraphs: section.text.split(/\n\n+/),
      possiblyTruncated: section.possiblyTruncated ?? false,
      consolidatedThrough: texts?.consolidatedThrough,
    };
  });
}
