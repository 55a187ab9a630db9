import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AnalysisResult } from '@/lib/analysis/schema';
import type { CaseRecord } from '@/lib/related';
import { RelatedResponseSchema, type RelatedRequest, type RelatedResponse } from '@/lib/related/messages';
import { t, type MessageKey } from './i18n';
import { MEETING_DOCUMENTS_URL, rt } from './related-strings';

export interface RelatedCasesProps {
  analysis: AnalysisResult;
  /** The document's address (for a PDF in the viewer: the viewer's address). */
  url?: string;
  /** The file name, for a document picked from disk. */
  fileName?: string;
  /** The text, when the caller has it: enables "Nästan samma text" for documents not stored yet. */
  text?: string;
}

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; response: Extract<RelatedResponse, { ok: true }> };

/** The side panel's "Relaterade ärenden": documents of the same case the user has opened before. */
export function RelatedCases({ analysis, url, fileName, text }: RelatedCasesProps) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    const request: RelatedRequest = {
      type: 'remisskollen/related',
      result: analysis,
      ...(url ? { url } : {}),
      ...(fileName ? { fileName } : {}),
      ...(text !== undefined ? { text } : {}),
    };
    browser.runtime
      .sendMessage(request)
      .then((raw: unknown) => {
        if (mine !== generation.current) return;
        const response = RelatedResponseSchema.safeParse(raw);
        if (!response.success) setState({ status: 'error', message: 'oväntat svar' });
        else if (!response.data.ok) setState({ status: 'error', message: response.data.error });
        else setState({ status: 'done', response: response.data });
      })
      .catch((error: unknown) => {
        if (mine === generation.current) setState({ status: 'error', message: String(error) });
      });
  }, [analysis, url, fileName, text]);

  const caseNumbers = analysis.document.caseNumbers;
  const motionTitle = analysis.document.motion?.title ?? (analysis.document.kind === 'motion' ? analysis.document.title : null);

  return (
    <section className="related" aria-labelledby="related-heading" data-testid="related-cases">
      <h2 id="related-heading">{rt('relatedHeading')}</h2>
      {state.status === 'loading' ? (
        <p role="status">{rt('relatedLoading')}</p>
      ) : state.status === 'error' ? (
        <p className="severity-warning">{rt('relatedError', state.message)}</p>
      ) : !state.response.enabled ? (
        <p data-testid="related-disabled">
          {rt('relatedDisabled')} <HistoryLink />
        </p>
      ) : state.response.related.length === 0 ? (
        <p data-testid="related-none">{rt('relatedNone')}</p>
      ) : (
        <ul className="related-list" data-testid="related-list">
          {state.response.related.map(({ record, reasons }) => (
            <li key={record.id} data-testid="related-item" data-id={record.id}>
              <RecordLink record={record} />
              <div className="related-meta">
                {[kindLabel(record.kind), record.authority, record.date].filter(Boolean).join(' · ')}
              </div>
              <ul className="related-reasons">
                {reasons.map((r) => (
                  <li key={r.code} data-testid="related-reason" data-code={r.code}>
                    {r.label}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {caseNumbers.length > 0 || motionTitle ? (
        <div className="related-search">
          <h3>{rt('relatedSearchHeading')}</h3>
          <ul>
            {caseNumbers.map((dnr) => (
              <li key={dnr}>
                <SearchLink term={dnr} label={rt('relatedSearchDnr', dnr)} />
              </li>
            ))}
            {motionTitle ? (
              <li>
                <SearchLink term={motionTitle} label={rt('relatedSearchMotion', motionTitle)} />
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      {state.status === 'done' && state.response.enabled ? (
        <p className="related-history">
          <HistoryLink />
        </p>
      ) : null}
    </section>
  );
}

export function kindLabel(kind: CaseRecord['kind']): string {
  return t(`kind_${kind}` as MessageKey);
}

/** Opens a stored document: its address in a new tab; a file picked from disk can only be named. */
function RecordLink({ record }: { record: CaseRecord }) {
  const title = record.title ?? record.motion?.title ?? record.fileName ?? record.url ?? rt('untitled');
  if (record.url && /^(https?|file|chrome-extension|moz-extension):/.test(record.url)) {
    const target = record.url;
    return (
      <a
        href={target}
        className="related-title"
        data-testid="related-open"
        onClick={(event) => {
          event.preventDefault();
          void browser.tabs.create({ url: target });
        }}
        title={rt('relatedOpen', target)}
      >
        {title}
      </a>
    );
  }
  return (
    <span className="related-title">
      {title}
      {record.fileName ? <span className="related-local"> — {rt('relatedLocalFile', record.fileName)}</span> : null}
    </span>
  );
}

function SearchLink({ term, label }: { term: string; label: string }) {
  return (
    <a
      href={MEETING_DOCUMENTS_URL}
      target="_blank"
      rel="noreferrer"
      title={rt('relatedSearchHint')}
      data-testid="related-search"
      onClick={() => {
        // No verified search address takes the term: copy it for the site's search box.
        void navigator.clipboard?.writeText(term).catch(() => undefined);
      }}
    >
      {label}
    </a>
  );
}

function HistoryLink() {
  return (
    <a href={browser.runtime.getURL('/case-history.html')} target="_blank" rel="noreferrer">
      {rt('relatedHistoryLink')}
    </a>
  );
}
