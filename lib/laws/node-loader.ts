/**
 * Node-only loader (CLI, scripts, tests): reads the packaged files from
 * public/laws/ with fs. The extension must never import this file.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultRegistry } from './default';
import type { LawDataLoader, LawRegistry } from './registry';

const SAFE_FILE = /^sfs-(?:\d{4}-\d+|index)\.json$/;
/** public/laws/ of this checkout. */
export const LAW_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'laws');

export function createNodeLoader(dir: string = LAW_DATA_DIR): LawDataLoader {
  return {
    async load(file: string): Promise<unknown> {
      if (!SAFE_FILE.test(file)) throw new Error(`Okänd lagfil: ${file}`);
      return JSON.parse(await readFile(join(dir, file), 'utf8')) as unknown;
    },
  };
}

/**
 * Adds the titles of every SFS number to `registry` (default: the shared one)
 * synchronously, so a CLI run resolves all laws. Safe to call more than once.
 */
export function installTitleIndexSync(registry: LawRegistry = defaultRegistry(), dir: string = LAW_DATA_DIR): LawRegistry {
  if (!registry.hasTitleIndex) registry.addTitleIndex(JSON.parse(readFileSync(join(dir, 'sfs-index.json'), 'utf8')));
  return registry;
}
