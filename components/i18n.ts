import { browser } from 'wxt/browser';
import sv from '../public/_locales/sv/messages.json';
import en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof sv;
export type Locale = 'sv' | 'en';

const CATALOGUES: Record<Locale, Record<string, { message: string }>> = { sv, en };

/**
 * Swedish first, English second, by the browser's language: the first of the
 * user's preferred languages (navigator.languages, then the browser UI's) that
 * is Swedish or English decides; Swedish when neither appears. Chrome's own
 * i18n follows only the UI language, which is often English on Swedish desktops
 * (and always in builds that ship one UI locale), so the choice is made here.
 */
export function uiLocale(): Locale {
  let ui = '';
  try {
    ui = browser.i18n?.getUILanguage?.() ?? '';
  } catch {
    // No UI language to ask (an environment without the extension API): the preferred languages decide.
  }
  const preferred = [...(globalThis.navigator?.languages ?? []), ui];
  for (const tag of preferred) {
    const lang = tag.toLowerCase().split('-')[0];
    if (lang === 'sv' || lang === 'en') return lang;
  }
  return 'sv';
}

let locale: Locale = uiLocale();

/** The language in use; the options page's choice overrides the browser's (see `applyLanguageSetting`). */
export function currentLocale(): Locale {
  return locale;
}

/** Applies the user's language setting ("auto" follows the browser). Call before the first render. */
export function applyLanguageSetting(setting: 'auto' | Locale): void {
  locale = setting === 'auto' ? uiLocale() : setting;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** Message keys may not contain "-": "case-law" → "case_law". */
export function keyPart(s: string): string {
  return s.replace(/[^A-Za-z0-9_@]/g, '_');
}

/** The UI string for `key`; `$1`, `$2` … are replaced by the substitutions. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  const template = CATALOGUES[locale][key]?.message ?? sv[key]?.message ?? key;
  return template.replace(/\$(\d)/g, (m, n: string) => substitutions[Number(n) - 1] ?? m);
}
