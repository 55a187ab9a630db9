import { useState } from 'react';
import type { AnalysisResult, Citation, CitationKind } from '@/lib';
import { groupCitations } from '@/lib/report';
import { CitationCard, type CitationCardProps } from '../CitationCard';
import { keyPart, t, type MessageKey } from '../i18n';
import { copyText } from './copy';

const KINDS: CitationKind[] = ['statute', 'preparatory', 'case-law', 'eu', 'regulation', 'case-number'];

/**
 * Hänvisningar: every reference grouped by law or kind with counts, problem
 * ones first, filterable by kind; each one scrolls the document to its place
 * and opens the same card as on the page.
 */
export function CitationsTab({
  result,
  onReveal,
  loadSection,
}: {
  result: AnalysisResult;
  onReveal: (start: number, end: number) => void;
  loadSection: CitationCardProps['loadSection'];
}) {
  const present = KINDS.filter((k) => result.citations.some((c) => c.kind === k));
  const [shown, setShown] = useState<Set<CitationKind>>(() => new Set(KINDS));
  const [open, setOpen] = useState<Citation | null>(null);
  if (result.citations.length === 0) return <p>{t('noCitations')}</p>;
  const groups = groupCitations(result.citations.filter((c) => shown.has(c.kind)));

  const toggle = (kind: CitationKind) =>
    setShown((prev) => {
      const next = new Set(prev);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <div className="citations-tab">
      <fieldset className="filters">
        <legend>{t('filterKinds')}</legend>
        {present.map((kind) => (
          <label key={kind} className="chip">
            <input type="checkbox" checked={shown.has(kind)} onChange={() => toggle(kind)} data-testid={`filter-${kind}`} />
            {t(`citationKind_${keyPart(kind)}` as MessageKey)} ({result.citations.filter((c) => c.kind === kind).length})
          </label>
        ))}
      </fieldset>
      <ul className="groups" data-testid="citation-groups">
        {groups.map((g) => (
          <li key={g.key} className="group" data-group={g.key}>
            <h2 className="group-heading">
              {t('citationGroupCount', g.label, String(g.citations.length))}
              {g.law?.status === 'repealed' && <span className="tag severity-error"> {t('cardRepealed')}</span>}
              {g.problemCount > 0 && <span className="tag severity-warning"> {t('withProblems', String(g.problemCount))}</span>}
            </h2>
            <ul>
              {g.citations.map((c) => (
                <li key={c.start} className={c.problems?.length ? 'has-problem' : undefined}>
                  <button
                    type="button"
                    className="link citation"
                    aria-expanded={open === c}
                    onClick={() => {
                      onReveal(c.start, c.end);
                      setOpen(open === c ? null : c);
                    }}
                  >
                    {c.text.replace(/\s+/g, ' ')}
                  </button>
                  {open === c && <CitationCard citation={c} loadSection={loadSection} copy={copyText} onClose={() => setOpen(null)} />}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
