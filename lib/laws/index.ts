/** The law registry (DOM-free). The Node-only loader is lib/laws/node-loader.ts. */
export { LawRegistry, normSection, type LawInfo, type LawDataLoader, type SectionStatus } from './registry';
export { defaultRegistry } from './default';
export { createFetchLoader } from './fetch-loader';
export { definiteForm } from './names';
export * from './schema';
