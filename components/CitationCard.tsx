import { useEffect, useState } from 'react';
import type { Citation } from '@/lib';
import type { LawSectionResponse } from '@/lib/messages';
import { formatDate, kindLabel, normalizedCitation, provisions } from './citation-format';
import { t } from './i18n';

export interface CitationCardProps {
  citation: Citation;
  /** Loads the bundled text of a section (the background answers); omitted where no texts are available. */
  loadSection?: (sfs: string, section: string, chapter?: string) => Promise<LawSectionResponse>;
  /** Writes text to the clipboard; resolves false when the browser refused. */
  copy: (text: string) => Promise<boolean>;
  onClose?: () => void;
}

type SectionState = { status: 'none' } | { status: 'loading' } | { status: 'done'; section: LawSectionResponse };

/**
 * What a reference is, in a glance: the law (title, SFS number, in force or
 * repealed with its replacement), the cited provision with its bundled text
 * (the cited stycke marked), links, and "Kopiera hänvisning". The same card
 * is shown on web pages, in the PDF viewer and in the side panel.
 */
export function CitationCard({ citation: c, loadSection, copy, onClose }: CitationCardProps) {
  const first = c.targets?.[0];
  const canLoad = Boolean(loadSection && c.law && first?.section && !first.sectionTo);
  const [section, setSection] = useState<SectionState>({ status: canLoad ? 'loading' : 'none' });
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');

  useEffect(() => {
    if (!canLoad || !loadSection || !c.law || !first?.section) return;
    let live = true;
    loadSection(c.law.sfs, first.section, first.chapter).then(
      (s) => live && setSection({ status: 'done', section: s }),
      () => live && setSection({ status: 'done', section: { ok: false } }),
    );
    return () => {
      live = false;
    };
  }, [canLoad, loadSection, c.law, first?.section, first?.chapter]);

  const law = c.law;
  const where = provisions(c);
  const marked = first?.paragraph ? Number(first.paragraph) - 1 : -1;
  const pointPrefix = first?.point ? `${first.point}.` : null;

  return (
    <article className="rk-card" aria-label={`${kindLabel(c.kind)}: ${normalizedCitation(c)}`}>
      <header className="rk-card-header">
        <span className="rk-card-kind">{kindLabel(c.kind)}</span>
        {onClose && (
          <button type="button" className="rk-card-close" onClick={onClose} aria-label={t('cardClose')}>
            ×
          </button>
        )}
      </header>
      {law ? (
        <>
          <h2 className="rk-card-title">
            {law.title} ({law.sfs}){law.abbreviation ? `, ${law.abbreviation}` : ''}
          </h2>
          {where && <p className="rk-card-where">{where}</p>}
          {law.status === 'repealed' ? (
            <p className="rk-card-status rk-repealed" data-testid="card-status">
              {law.repealedOn ? t('cardRepealedOn', formatDate(law.repealedOn)) : t('cardRepealed')}
              {law.replacedBy ? `, ${t('cardReplacedBy', law.replacedBy)}` : ''}
            </p>
          ) : (
            <p className="rk-card-status rk-in-force" data-testid="card-status">
              {t('cardInForce')}
            </p>
          )}
        </>
      ) : (
        <h2 className="rk-card-title">{normalizedCitation(c)}</h2>
      )}
      {c.problems?.map((p) => (
        <p key={p.code} className="rk-card-problem" role="note">
          {p.message}
        </p>
      ))}
      {section.status === 'loading' && <p className="rk-card-muted">{t('cardLoadingText')}</p>}
      {section.status === 'done' && section.section.ok && (
        <div className="rk-card-text">
          {section.section.heading && <p className="rk-card-muted">{section.section.heading}</p>}
          {section.section.paragraphs.map((p, i) => (
            <p key={i} className={i === marked || (pointPrefix !== null && p.startsWith(pointPrefix)) ? 'rk-marked' : undefined}>
              {p}
            </p>
          ))}
          {section.section.possiblyTruncated && <p className="rk-card-muted">{t('cardTruncated')}</p>}
          {section.section.consolidatedThrough && (
            <p className="rk-card-muted">{t('cardConsolidated', section.section.consolidatedThrough)}</p>
          )}
        </div>
      )}
      {section.status === 'done' && !section.section.ok && (
        <p className="rk-card-muted">{t('cardTextMissing')}</p>
      )}
      {c.links && c.links.length > 0 && (
        <ul className="rk-card-links">
          {c.links.map((l) => (
            <li key={l.url}>
              <a href={l.url} target="_blank" rel="noopener noreferrer">
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      <footer className="rk-card-footer">
        <button
          type="button"
          onClick={() => void copy(normalizedCitation(c)).then((ok) => setCopied(ok ? 'ok' : 'failed'))}
        >
          {t('cardCopy')}
        </button>
        <span role="status" className="rk-card-muted">
          {copied === 'ok' ? t('cardCopied') : copied === 'failed' ? t('cardCopyFailed') : ''}
        </span>
      </footer>
    </article>
  );
}
