/**
 * Linearity checks for tests: the time for 8× the input over the time for 1×, medians of a few runs
 * (linear ≈ 8, quadratic ≈ 64). Tests assert this ratio, never an absolute time (machines differ and are
 * shared; `npm run bench` reports speed).
 */

/** Median time (ms) of `runs` calls of fn on make(run): fresh input per run where the code caches by input. */
export function medianMs<T>(make: (run: number) => T, fn: (input: T) => unknown, runs = 5): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const input = make(r);
    const t0 = performance.now();
    fn(input);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/** The time of fn on make(8n) over its time on make(n), after a warm-up on make(n / 4). */
export function growth<T>(make: (n: number, run: number) => T, fn: (input: T) => unknown, n: number, runs = 5): number {
  medianMs((r) => make(Math.ceil(n / 4), r), fn, 2);
  const small = medianMs((r) => make(n, r), fn, runs);
  const large = medianMs((r) => make(8 * n, r + runs), fn, runs);
  return large / Math.max(small, 0.05);
}
