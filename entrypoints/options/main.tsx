import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyLanguageSetting } from '@/components/i18n';
import { settings } from '@/components/settings';
import { registerCustomProfiles } from '@/components/custom-profiles';
import { Options } from './App';

void Promise.all([settings.get(), registerCustomProfiles()]).then(([{ language }]) => {
  applyLanguageSetting(language);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Options />
    </StrictMode>,
  );
});
