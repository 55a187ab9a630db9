import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { t } from '@/components/i18n';

function Options() {
  return (
    <main className="panel">
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsIntro')}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Options />
  </StrictMode>,
);
