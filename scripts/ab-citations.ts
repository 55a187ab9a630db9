/**
 * A/B timing of the citation engine: the working tree against a git ref, on the 1 MB bench text (or
 * `--size N` times it). Both engines run in one node process, called in turn round after round, and each
 * round gives the ratio of their two times (which goes first alternates): the load of this shared machine
 * drifts over seconds but is about the same for two calls in a row, so the median of those ratios is steadier
 * than a whole `npm run bench` run (±10 %): an A/A run gives 0.998–1.005, but two runs of the same pair still
 * differ by up to 2–4 %, so a change of 1–2 % needs several runs (its quartiles are shown). A developer tool
 * for speed work, not part of `npm run bench`.
 *
 *   npx tsx scripts/ab-citations.ts <git-ref> [--rounds 500] [--size 1]
 *
 * Prints each engine's median time per call and the median ratio working tree / ref (below 1: faster).
 * The two must find the same number of citations (it says so when they do not).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchText, median, pairedRatio } from './bench-citations';
import { bundleEngine, root, withRefCheckout } from './engine-bundle';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ref = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!ref) {
  console.error('usage: npx tsx scripts/ab-citations.ts <git-ref> [--rounds 500] [--size 1]');
  process.exit(2);
}
const rounds = option('--rounds', 500);
const size = option('--size', 1);

const work = join(root, '.tmp', 'ab');
const textFile = join(work, 'bench.txt');
const runner = join(work, 'runner.mjs');
const here = bundleEngine(root, work, 'working-tree');
withRefCheckout(ref, (dir) => bundleEngine(dir, work, 'ref'));
const base = benchText(1_000_000);
writeFileSync(textFile, Array.from({ length: size }, () => base).join('\n\n'));
writeFileSync(
  runner,
  [
    "import { readFileSync } from 'node:fs';",
    'const [a, b, textFile, rounds] = process.argv.slice(2);',
    'const engines = [(await import(a)).findCitations, (await import(b)).findCitations];',
    "const text = readFileSync(textFile, 'utf8');",
    "const o = { date: '2024-01-01', dateKnown: true };",
    'const counts = engines.map((f) => f(text, o).citations.length);',
    'for (let k = 0; k < 16; k++) for (const f of engines) f(text, o);',
    'const times = engines.map(() => []);',
    // (which goes first alternates: the second call of a round pays for some of the first one's garbage)
    'for (let k = 0; k < Number(rounds); k++) for (const i of k % 2 ? [1, 0] : [0, 1]) { const t0 = performance.now(); engines[i](text, o); times[i].push(performance.now() - t0); }',
    'console.log(JSON.stringify({ counts, times }));',
  ].join('\n'),
);
const r = spawnSync('node', [runner, join(work, 'ref.mjs'), here, textFile, String(rounds)], { encoding: 'utf8', maxBuffer: 1 << 26 });
if (r.status !== 0) throw new Error(r.stderr);
const { counts, times } = JSON.parse(r.stdout) as { counts: number[]; times: number[][] };
const ratio = pairedRatio(times[1], times[0]);
console.log(`${size} MB text, ${rounds} rounds; ${ref}: ${median(times[0]).toFixed(1)} ms per call, working tree: ${median(times[1]).toFixed(1)} ms`);
console.log(`working tree / ${ref}: median ${ratio.median.toFixed(3)} (quartiles ${ratio.low.toFixed(3)}–${ratio.high.toFixed(3)})`);
if (counts[0] !== counts[1]) console.log(`the two find different numbers of citations: ${ref} ${counts[0]}, working tree ${counts[1]}`);
