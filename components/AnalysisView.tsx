import type { AnalysisResult, Citation } from '@/lib';
import { t, type MessageKey } from './i18n';

const dateFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long' });

function formatDate(iso: string | null): string {
  if (!iso) return t('none');
  const d = new Date(`${iso}T12:00:00`);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

function citationLabel(c: Citation): string {
  if (c.law) return `${c.law.title} (${c.law.sfs})`;
  return c.ref ?? c.text;
}

/** The analysis of one document: facts, sections, references, problems. */
export function AnalysisView({ result }: { result: AnalysisResult }) {
  const doc = result.document;
  return (
    <div className="analysis">
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading" className="visually-hidden">
          {t('factKind')}
        </h2>
        <dl className="facts">
          <dt>{t('factKind')}</dt>
          <dd data-testid="kind" data-kind={doc.kind} title={doc.evidence.join('; ')}>
            {t(`kind_${doc.kind}` as MessageKey)}
          </dd>
          <dt>{t('factTitle')}</dt>
          <dd data-testid="title">{doc.title ?? t('noTitle')}</dd>
          <dt>{t('factDate')}</dt>
          <dd data-testid="date">{formatDate(doc.date)}</dd>
          <dt>{t('factCaseNumbers')}</dt>
          <dd data-testid="case-numbers">{doc.caseNumbers.length ? doc.caseNumbers.join(', ') : t('none')}</dd>
          <dt>{t('factAuthority')}</dt>
          <dd data-testid="authority">{doc.authority ?? t('none')}</dd>
          <dt>{t('factOfficer')}</dt>
          <dd data-testid="officer">
            {doc.officer ? [doc.officer.name, doc.officer.phone].filter(Boolean).join(', ') : t('none')}
          </dd>
          <dt>{t('factCitations')}</dt>
          <dd data-testid="citation-count">{result.citations.length}</dd>
          <dt>{t('factProblems')}</dt>
          <dd data-testid="problem-count">{result.problems.length}</dd>
        </dl>
      </section>

      {result.missingSections.length > 0 && (
        <section aria-labelledby="missing-heading">
          <h2 id="missing-heading">{t('missingHeading')}</h2>
          <ul data-testid="missing-sections">
            {result.missingSections.map((m) => (
              <li key={m.id} className={`severity-${m.severity}`} title={m.reason}>
                {m.label}
              </li>
            ))}
          </ul>
        </section>
      )}

      {result.sections.length > 0 && (
        <section aria-labelledby="sections-heading">
          <h2 id="sections-heading">{t('sectionsHeading')}</h2>
          <ul data-testid="sections">
            {result.sections.map((s) => (
              <li key={`${s.id}-${s.start}`}>{s.heading}</li>
            ))}
          </ul>
        </section>
      )}

      {result.citations.length > 0 && (
        <section aria-labelledby="citations-heading">
          <h2 id="citations-heading">{t('citationsHeading')}</h2>
          <ul data-testid="citations">
            {result.citations.map((c) => (
              <li key={c.start}>
                <span className="citation-text">{c.text}</span> <span className="citation-law">{citationLabel(c)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {result.problems.length > 0 && (
        <section aria-labelledby="problems-heading">
          <h2 id="problems-heading">{t('problemsHeading')}</h2>
          <ul data-testid="problems">
            {result.problems.map((p, i) => (
              <li key={i} className={`severity-${p.severity}`}>
                {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
