import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/components/i18n';
import { ProfileSelect } from '@/components/ProfileSelect';
import { settings, type Settings } from '@/components/settings';
import { pdfSettings, saveAutoOpenHosts } from '@/components/pdf-settings';
import { addCustomProfile, customProfiles, removeCustomProfile } from '@/components/custom-profiles';

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Origins granted on top of the manifest's own content-script hosts. */
async function grantedSites(): Promise<string[]> {
  const own = new Set((browser.runtime.getManifest().content_scripts ?? []).flatMap((s) => s.matches ?? []));
  return ((await browser.permissions.getAll()).origins ?? []).filter((o) => !own.has(o) && o !== '<all_urls>');
}

export function Options() {
  const [current, setCurrent] = useState<Settings | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [pdfHosts, setPdfHosts] = useState<string[]>([]);
  const [ownProfiles, setOwnProfiles] = useState<string[]>([]);
  const [status, setStatus] = useState('');

  const refresh = () => {
    void settings.get().then(setCurrent);
    void grantedSites().then(setSites);
    void pdfSettings.get().then((s) => setPdfHosts(s.autoOpenHosts));
    void customProfiles.get().then((c) => setOwnProfiles(c.profiles.map((p) => String((p as { name?: unknown }).name))));
  };
  useEffect(refresh, []);

  const save = async (patch: Partial<Settings>) => {
    setCurrent(await settings.set(patch));
    setStatus(t('optionsSaved'));
  };

  const setEverywhere = async (everywhere: boolean) => {
    // Highlighting everywhere needs access to every site: asked for in this click, given back when turned off.
    if (everywhere && !(await browser.permissions.request({ origins: ['<all_urls>'] }).catch(() => false))) {
      setStatus(t('optionsAccessDenied'));
      return;
    }
    if (!everywhere) await browser.permissions.remove({ origins: ['<all_urls>'] }).catch(() => false);
    await save({ highlightEverywhere: everywhere });
  };

  const addSite = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = new FormData(e.currentTarget).get('site');
    let origin: string;
    try {
      const url = new URL(String(input).trim());
      if (!/^https?:$/.test(url.protocol)) throw new Error();
      origin = `${url.origin}/*`;
    } catch {
      setStatus(t('optionsSiteInvalid'));
      return;
    }
    const granted = await browser.permissions.request({ origins: [origin] }).catch(() => false);
    setStatus(granted ? t('optionsSaved') : t('optionsAccessDenied'));
    refresh();
  };

  const removeSite = async (origin: string) => {
    await browser.permissions.remove({ origins: [origin] });
    refresh();
  };

  const savePdfHosts = async (hosts: string[]) => {
    setStatus((await saveAutoOpenHosts(hosts)) ? t('optionsSaved') : t('optionsAccessDenied'));
    refresh();
  };

  const addPdfHost = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const host = String(new FormData(e.currentTarget).get('host')).trim().toLowerCase();
    if (!HOST.test(host)) {
      setStatus(t('optionsHostInvalid'));
      return;
    }
    void savePdfHosts([...pdfHosts, host]);
  };

  const addProfileFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      setStatus(t('optionsProfileAdded', await addCustomProfile(await file.text())));
    } catch (error) {
      setStatus((error as Error).message);
    }
    refresh();
  };

  if (!current) return null;
  return (
    <main className="panel options">
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsPrivacy')}</p>
      <p role="status" aria-live="polite" className="muted" data-testid="options-status">
        {status}
      </p>

      <fieldset>
        <legend>{t('optionsHighlightHeading')}</legend>
        <label className="field">
          <input type="radio" name="highlight" checked={!current.highlightEverywhere} onChange={() => void setEverywhere(false)} />
          {t('optionsHighlightCouncil')}
        </label>
        <label className="field">
          <input type="radio" name="highlight" checked={current.highlightEverywhere} onChange={() => void setEverywhere(true)} data-testid="highlight-everywhere" />
          {t('optionsHighlightEverywhere')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('optionsSitesHeading')}</legend>
        <p className="muted">{t('optionsSitesIntro')}</p>
        {sites.length === 0 ? (
          <p>{t('optionsNoSites')}</p>
        ) : (
          <ul data-testid="sites">
            {sites.map((o) => (
              <li key={o}>
                {o}{' '}
                <button type="button" className="small" onClick={() => void removeSite(o)} aria-label={t('optionsSiteRemove', o)}>
                  {t('optionsRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={(e) => void addSite(e)} className="field">
          <label>
            <span className="visually-hidden">{t('optionsSiteAdd')}</span>
            <input type="url" name="site" placeholder={t('optionsSitePlaceholder')} required />
          </label>
          <button type="submit">{t('optionsSiteAdd')}</button>
        </form>
      </fieldset>

      <fieldset>
        <legend>{t('optionsPdfHeading')}</legend>
        <p className="muted">{t('optionsPdfIntro')}</p>
        {pdfHosts.length === 0 ? (
          <p>{t('optionsNoHosts')}</p>
        ) : (
          <ul data-testid="pdf-hosts">
            {pdfHosts.map((h) => (
              <li key={h}>
                {h}{' '}
                <button type="button" className="small" onClick={() => void savePdfHosts(pdfHosts.filter((x) => x !== h))} aria-label={t('optionsSiteRemove', h)}>
                  {t('optionsRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={addPdfHost} className="field">
          <label>
            <span className="visually-hidden">{t('optionsPdfHeading')}</span>
            <input type="text" name="host" placeholder={t('optionsPdfPlaceholder')} required />
          </label>
          <button type="submit">{t('optionsAdd')}</button>
        </form>
      </fieldset>

      <fieldset>
        <legend>{t('optionsProfileHeading')}</legend>
        <label className="field">
          <span className="visually-hidden">{t('optionsProfileHeading')}</span>
          <ProfileSelect
            value={current.profile}
            autoValue="auto"
            autoLabel={t('profileAuto', '…')}
            onChange={(profile) => void save({ profile })}
            testId="options-profile"
          />
        </label>
        <h2>{t('optionsProfileCustom')}</h2>
        {ownProfiles.length === 0 ? (
          <p>{t('optionsNoCustomProfiles')}</p>
        ) : (
          <ul>
            {ownProfiles.map((name) => (
              <li key={name}>
                {name}{' '}
                <button type="button" className="small" onClick={() => void removeCustomProfile(name).then(refresh)} aria-label={t('optionsSiteRemove', name)}>
                  {t('optionsRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <label className="field">
          {t('optionsProfileAdd')}
          <input type="file" accept=".json,application/json" onChange={(e) => void addProfileFile(e.target.files?.[0])} />
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('optionsLanguageHeading')}</legend>
        {(['auto', 'sv', 'en'] as const).map((lang) => (
          <label key={lang} className="field">
            <input type="radio" name="language" checked={current.language === lang} onChange={() => void save({ language: lang })} />
            {t(lang === 'auto' ? 'optionsLanguageAuto' : lang === 'sv' ? 'optionsLanguageSv' : 'optionsLanguageEn')}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('optionsLinksHeading')}</legend>
        {(['both', 'riksdagen', 'lagen-nu'] as const).map((choice) => (
          <label key={choice} className="field">
            <input type="radio" name="links" checked={current.lawLinks === choice} onChange={() => void save({ lawLinks: choice })} />
            {t(choice === 'both' ? 'optionsLinksBoth' : choice === 'riksdagen' ? 'optionsLinksRiksdagen' : 'optionsLinksLagenNu')}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('optionsHistoryHeading')}</legend>
        <a href={(browser.runtime.getURL as (p: string) => string)('/case-history.html')} target="_blank" rel="noreferrer">
          {t('optionsHistoryLink')}
        </a>
      </fieldset>
    </main>
  );
}
