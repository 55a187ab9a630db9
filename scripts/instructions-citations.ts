/**
 * Instructions the citation engine runs per call on the 1 MB bench text, counted by valgrind (callgrind)
 * with V8 single-threaded. Unlike timings on this shared machine (which vary by up to 2× between runs),
 * the count varies little, though V8's tiering makes it move by up to 3 % between runs of the same code
 * (eighth session): a change of a few per cent shows, 1 % may not. A developer tool
 * for speed work, not part of `npm run bench`; it does not measure memory stalls or the parallel GC.
 *
 *   npx tsx scripts/instructions-citations.ts [git-ref]
 *
 * Counts the engine of the working tree and, when a git ref is given, the engine at that ref too
 * (checked out in .tmp/ref-engine). Each engine is bundled into one file (scripts/engine-bundle.ts) and run
 * by plain node. Per call =
 * (instructions of 11 calls − of 6 calls) / 5: start-up and warm-up cancel out. The optimising
 * compiler's own work in those calls (V8 still re-optimising) is shown apart. Needs valgrind (Debian:
 * apt-get install valgrind); takes about two minutes per engine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchText } from './bench-citations';
import { bundleEngine, root, withRefCheckout } from './engine-bundle';

const work = join(root, '.tmp', 'instructions');

if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('valgrind is not installed (Debian: apt-get install valgrind); nothing counted.');
  process.exit(2);
}
mkdirSync(work, { recursive: true });
const textFile = join(work, 'bench.txt');
writeFileSync(textFile, benchText(1_000_000));
const runner = join(work, 'runner.mjs');
writeFileSync(
  runner,
  [
    "import { readFileSync } from 'node:fs';",
    'const [engine, textFile, calls] = process.argv.slice(2);',
    'const { findCitations } = await import(engine);',
    "const text = readFileSync(textFile, 'utf8');",
    "for (let k = 0; k < Number(calls); k++) findCitations(text, { date: '2024-01-01', dateKnown: true });",
  ].join('\n'),
);

/** Instructions of `calls` calls: all, and those of V8's compilers. */
function count(engine: string, calls: number): { all: number; compiling: number } {
  const out = join(work, `callgrind-${calls}.out`);
  const r = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, 'node', '--single-threaded', runner, engine, textFile, String(calls)], {
    cwd: root,
    encoding: 'utf8',
  });
  const all = /Collected : (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !all) throw new Error(`valgrind failed:\n${r.stderr.slice(-2000)}`);
  const annotated = execFileSync('callgrind_annotate', ['--threshold=100', out], { encoding: 'utf8', maxBuffer: 1 << 28 });
  let compiling = 0;
  for (const line of annotated.split('\n')) {
    const m = /^\s*([\d,]+) \([^)]*\)\s+(.*)$/.exec(line);
    if (m && /compiler::|maglev::|baseline::|interpreter::|Parser/.test(m[2])) compiling += Number(m[1].replaceAll(',', ''));
  }
  rmSync(out, { force: true });
  return { all: Number(all[1]), compiling };
}

function perCall(label: string, engine: string): void {
  const a = count(engine, 6);
  const b = count(engine, 11);
  const all = (b.all - a.all) / 5 / 1e6;
  const compiling = (b.compiling - a.compiling) / 5 / 1e6;
  console.log(`${label}: ${(all - compiling).toFixed(1)} M instructions per call running (+ ${compiling.toFixed(1)} M compiling)`);
}

perCall('working tree', bundleEngine(root, work, 'working-tree'));
const ref = process.argv[2];
if (ref) withRefCheckout(ref, (dir) => perCall(ref, bundleEngine(dir, work, 'ref')));
