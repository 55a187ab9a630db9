import type { Finding } from './schema';

/** A finding before its group and id are filled in. */
export type RawFinding = Omit<Finding, 'id' | 'group'>;
