import { browser } from 'wxt/browser';
import { CaseIndex, recordFromAnalysis, type CaseRecord } from '@/lib/related';
import {
  CaseMessageSchema,
  type RecordDocument,
  type RecordDocumentResponse,
  type RelatedRequest,
  type RelatedResponse,
} from '@/lib/related/messages';
import { caseStore } from '@/components/case-store';
import { caseIndexSettings } from '@/components/case-settings';

/**
 * The local case index (issue 9): remembers the council documents the user
 * opens (when the setting allows it) and answers which stored documents
 * belong to the same case. Everything stays in this browser profile.
 *
 * Messages: `remisskollen/record-document`, `remisskollen/related` (schemas in lib/related/messages).
 */
export function setUpCaseIndex(): void {
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (response: unknown) => void) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type !== 'remisskollen/record-document' && type !== 'remisskollen/related') return undefined;
    const parsed = CaseMessageSchema.safeParse(message);
    if (!parsed.success) {
      sendResponse({ ok: false, error: 'Meddelandet till ärendeindexet har fel form.' });
      return undefined;
    }
    const work = parsed.data.type === 'remisskollen/record-document' ? recordDocument(parsed.data) : related(parsed.data);
    work.then(sendResponse, (error: unknown) => {
      console.error('Remisskollen: ärendeindexet', error);
      sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) });
    });
    return true; // answers asynchronously
  });
}

/** The in-memory index, rebuilt when another page (the history page) changed the store. */
let cache: { revision: number; index: CaseIndex } | null = null;

async function currentIndex(): Promise<CaseIndex> {
  const revision = await caseStore.revision();
  if (cache?.revision === revision) return cache.index;
  const index = new CaseIndex(await caseStore.all());
  cache = { revision, index };
  return index;
}

export async function recordDocument(message: RecordDocument): Promise<RecordDocumentResponse> {
  const settings = await caseIndexSettings.get();
  if (!settings.enabled) return { ok: true, stored: false, skipped: 'disabled' };
  const kind = message.kind ?? message.result.document.kind;
  if (kind === 'unknown') return { ok: true, stored: false, skipped: 'unknown-kind' };
  if (!message.url && !message.fileName) return { ok: true, stored: false, skipped: 'no-source' };
  const record = recordFromAnalysis(
    { ...message.result, document: { ...message.result.document, kind } },
    message.text,
    { url: message.url, fileName: message.fileName },
    { saveText: settings.saveText, now: new Date().toISOString() },
  );
  const index = cache ? await currentIndex() : null;
  const { revision, dropped } = await caseStore.put(record, settings);
  if (index && cache && dropped.length === 0 && revision === cache.revision + 1) {
    // Only our write happened since the index was built: update it in place.
    index.put((await caseStore.get(record.id)) ?? record);
    cache = { revision, index };
  } else {
    cache = null;
  }
  return { ok: true, stored: true, id: record.id };
}

async function related(message: RelatedRequest): Promise<RelatedResponse> {
  const settings = await caseIndexSettings.get();
  if (!settings.enabled) return { ok: true, enabled: false, related: [] };
  const source = message.url || message.fileName ? { url: message.url, fileName: message.fileName } : { url: 'about:blank' };
  let query: CaseRecord = recordFromAnalysis(message.result, message.text ?? '', source, {
    saveText: false,
    now: new Date().toISOString(),
  });
  const index = await currentIndex();
  if (message.text === undefined) {
    // No text sent: the stored visit of the same document has the fingerprint; else compare without one.
    const stored = index.get(query.id);
    query = { ...query, fingerprint: stored?.fingerprint ?? { scheme: 'none', sig: '' } };
  }
  const found = index.findRelated(query, { limit: message.limit ?? 20 });
  return {
    ok: true,
    enabled: true,
    related: found.map((r) => ({ record: withoutText(r.record), reasons: r.reasons, score: r.score })),
  };
}

function withoutText(record: CaseRecord): CaseRecord {
  if (record.text === undefined) return record;
  const copy = { ...record };
  delete copy.text;
  return copy;
}
