import type { AnalysisResult } from '@/lib';
import { formatDate } from '../citation-format';
import { t, type MessageKey } from '../i18n';
import { CopyButton } from './CopyButton';

/** Överblick: what the document is and its facts. */
export function Overview({ result }: { result: AnalysisResult }) {
  const d = result.document;
  const none = <span className="muted">{t('none')}</span>;
  return (
    <dl className="facts">
      <dt>{t('factKind')}</dt>
      <dd>
        <span data-testid="kind" data-kind={d.kind} title={d.evidence.join('; ')}>
          {t(`kind_${d.kind}` as MessageKey)}
        </span>
        {d.kind !== 'unknown' && <span className="muted"> ({t('confidence', String(Math.round(d.confidence * 100)))})</span>}
        {d.evidence.length > 0 && (
          <details className="evidence">
            <summary>{t('evidenceSummary')}</summary>
            <ul>
              {d.evidence.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </details>
        )}
      </dd>
      <dt>{t('factTitle')}</dt>
      <dd data-testid="title">{d.title ?? <span className="muted">{t('noTitle')}</span>}</dd>
      <dt>{t('factCaseNumbers')}</dt>
      <dd data-testid="case-numbers">
        {d.caseNumbers.length
          ? d.caseNumbers.map((n) => (
              <div key={n} className="case-number">
                <span>{n}</span> <CopyButton text={n} label={t('copyCaseNumber', n)} />
              </div>
            ))
          : none}
      </dd>
      <dt>{t('factDate')}</dt>
      <dd data-testid="date">{d.date ? <time dateTime={d.date}>{formatDate(d.date)}</time> : none}</dd>
      <dt>{t('factAuthority')}</dt>
      <dd data-testid="authority">{d.authority ?? none}</dd>
      <dt>{t('factOfficer')}</dt>
      <dd data-testid="officer">{d.officer ? [d.officer.name, d.officer.phone].filter(Boolean).join(', ') : none}</dd>
      {d.motion && (
        <>
          <dt>{t('factMotion')}</dt>
          <dd data-testid="motion">{d.motion.title ?? none}</dd>
          <dt>{t('factAuthors')}</dt>
          <dd>
            <ul className="plain" data-testid="authors">
              {d.motion.authors.map((a) => (
                <li key={a.name}>
                  {a.name} ({a.party})
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {d.proposals.length > 0 && (
        <>
          <dt>{t('factProposals')}</dt>
          <dd>
            <ol data-testid="proposals">
              {d.proposals.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ol>
          </dd>
        </>
      )}
    </dl>
  );
}
