import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyLanguageSetting } from '@/components/i18n';
import { settings } from '@/components/settings';

void settings.get().then(({ language }) => {
  applyLanguageSetting(language);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
