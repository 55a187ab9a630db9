/**
 * `npm run bench`: the project's benchmarks, printed one block after another.
 * Citation extraction: scripts/bench-citations.ts (MB/s next to a one-regex baseline, at 1×, 4×, 16×).
 */
import { benchCitations } from './bench-citations';

const lines = await benchCitations();
console.log(lines.join('\n'));
