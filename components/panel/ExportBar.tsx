import { useState } from 'react';
import type { AnalysisResult } from '@/lib';
import { formatReport } from '@/lib/report';
import { t } from '../i18n';
import { copyText } from './copy';

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'dokument'
  );
}

/** Export: the report as plain text or Markdown to the clipboard, or as a downloaded .md file. */
export function ExportBar({ result, source }: { result: AnalysisResult; source: string }) {
  const [status, setStatus] = useState('');
  const copy = (format: 'text' | 'markdown') =>
    void copyText(formatReport(result, { format, source })).then((ok) => setStatus(ok ? t('copied') : t('copyFailed')));
  const download = () => {
    const blob = new Blob([formatReport(result, { format: 'markdown', source })], { type: 'text/markdown;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `remisskollen-${slug(result.document.title ?? source)}.md`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <details className="export">
      <summary>{t('exportHeading')}</summary>
      <div className="export-actions">
        <button type="button" onClick={() => copy('text')} data-testid="export-text">
          {t('exportText')}
        </button>
        <button type="button" onClick={() => copy('markdown')} data-testid="export-markdown">
          {t('exportMarkdown')}
        </button>
        <button type="button" onClick={download} data-testid="export-download">
          {t('exportDownload')}
        </button>
        <span role="status" className="muted">
          {status}
        </span>
      </div>
    </details>
  );
}
