/**
 * `npm run bench`: every benchmark of the project, one block after another.
 * Each figure is a ratio against a baseline measured in the same run, because
 * the machines this runs on are noisy. The browser benchmarks use the
 * production build (built first).
 *
 * - citations: extraction MB/s next to one pass of a citation-like regex, at 1×, 4×, 16×
 * - page: a 1 MB page with ~5,000 references in Chromium, next to the page's own load time
 * - pdf: a 100-page PDF to its first highlighted page, next to pdf.js rendering page 1 alone
 * - checks: the draft check of a 50-page draft, next to the analysis alone
 * - related: finding related cases among 10,000 stored ones, next to a full scan
 *
 * `npm run bench -- citations related` runs only the named ones.
 */
import { spawnSync } from 'node:child_process';

// Each benchmark's module is loaded when it runs, not all up front: with Playwright, pdf.js and
// compromise loaded first, the citation engine ran some 7 % slower (a larger heap for the garbage
// collector), and that measured the runner, not the engine.
const BENCHES: Record<string, { browser: boolean; run: () => Promise<string[]> }> = {
  citations: { browser: false, run: async () => (await import('./bench-citations')).benchCitations() },
  page: { browser: true, run: async () => (await import('./bench-page')).benchPage() },
  pdf: { browser: true, run: async () => (await import('./bench-pdf')).benchPdf() },
  checks: { browser: false, run: async () => (await import('./bench-checks')).benchChecks() },
  related: { browser: false, run: async () => (await import('./bench-related')).benchRelated() },
};

const wanted = process.argv.slice(2).filter((a) => a in BENCHES);
const names = wanted.length ? wanted : Object.keys(BENCHES);

if (names.some((n) => BENCHES[n].browser)) {
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`Remisskollen bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')}, Node ${process.version}`);
for (const name of names) {
  console.log(`\n## ${name}`);
  try {
    for (const line of await BENCHES[name].run()) console.log(line);
  } catch (error) {
    console.log(`  misslyckades: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
