/** The process-wide registry built from the bundled core data. */
import coreData from './data/core.json';
import { LawRegistry } from './registry';

let instance: LawRegistry | undefined;

/** The shared registry (the bundled core; add the titles index to it once loaded). */
export function defaultRegistry(): LawRegistry {
  instance ??= LawRegistry.fromData(coreData);
  return instance;
}
