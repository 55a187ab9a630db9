/**
 * The citation engine of the working tree, or of a git ref, bundled into one ES module file with esbuild,
 * for the speed tools (scripts/instructions-citations.ts, scripts/ab-citations.ts): plain node runs it
 * without a TypeScript loader (which would run in a thread of its own and blur the figures).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

export const root = resolve(fileURLToPath(import.meta.url), '..', '..');

/** The engine in `dir` (a checkout) as one file in `work`, named `name`.mjs. */
export function bundleEngine(dir: string, work: string, name: string): string {
  mkdirSync(work, { recursive: true });
  const outfile = join(work, `${name}.mjs`);
  buildSync({ entryPoints: [join(dir, 'lib', 'citations', 'index.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  return outfile;
}

/** Runs `fn` with `ref` checked out in .tmp/ref-engine (its imports resolve to this checkout's node_modules). */
export function withRefCheckout<T>(ref: string, fn: (dir: string) => T): T {
  const dir = join(root, '.tmp', 'ref-engine');
  if (existsSync(dir)) execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root });
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { cwd: root, stdio: 'ignore' });
  try {
    return fn(dir);
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root });
  }
}
