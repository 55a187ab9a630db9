#!/usr/bin/env node
/**
 * `npm test`: lint, types, unit tests, production build, end-to-end tests in
 * real Chromium — in that order — and one summary line at the end.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const steps = [];
let passed = 0;
let failed = 0;

function run(name, cmd, args) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  const ok = status === 0;
  steps.push(`${name} ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return ok;
}

function vitest(project) {
  const out = `.tmp/vitest-${project}.json`;
  rmSync(out, { force: true });
  const ok = run(`${project} tests`, 'npx', [
    'vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`,
  ]);
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    steps[steps.length - 1] += `: ${report.numPassedTests}/${report.numTotalTests}`;
    if (!ok && report.numFailedTests === 0) failed += 1; // e.g. a suite that failed to load
  } catch {
    failed += 1; // the runner itself failed before writing its report
  }
  return ok;
}

const lint = run('lint', 'npx', ['eslint', '.']);
const types = run('types', 'npx', ['tsc', '--noEmit']);
if (!lint) failed += 1;
if (!types) failed += 1;
vitest('unit');
vitest('components');
const built = run('build', 'npx', ['wxt', 'build']);
if (built) vitest('e2e');
else failed += 1;

console.log(`\n${steps.join(' · ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
