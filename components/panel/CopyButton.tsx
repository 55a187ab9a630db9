import { useState } from 'react';
import { t } from '../i18n';
import { copyText } from './copy';

/** A small button that copies `text` and says whether it worked, for screen readers too. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'ok' | 'failed'>('idle');
  return (
    <>
      <button type="button" className="small" aria-label={label} onClick={() => void copyText(text).then((ok) => setState(ok ? 'ok' : 'failed'))}>
        {t('copy')}
      </button>
      <span role="status" className="muted">
        {state === 'ok' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </>
  );
}
