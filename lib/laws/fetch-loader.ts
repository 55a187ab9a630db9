/**
 * A {@link LawDataLoader} for any environment with `fetch` (the extension):
 * `createFetchLoader(file => browser.runtime.getURL(`/laws/${file}`))`.
 * Files are the ones under public/laws/, which WXT ships at /laws/.
 */
import type { LawDataLoader } from './registry';

const SAFE_FILE = /^sfs-(?:\d{4}-\d+|index)\.json$/;

export function createFetchLoader(urlOf: (file: string) => string, fetchFn: typeof fetch = fetch): LawDataLoader {
  return {
    async load(file: string): Promise<unknown> {
      if (!SAFE_FILE.test(file)) throw new Error(`Okänd lagfil: ${file}`);
      const res = await fetchFn(urlOf(file));
      if (!res.ok) throw new Error(`Kunde inte läsa ${file}: ${res.status}`);
      return res.json() as Promise<unknown>;
    },
  };
}
