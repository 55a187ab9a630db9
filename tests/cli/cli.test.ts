/**
 * The command line as a user runs it: a real process on real files
 * (seed .txt, generated .html/.pdf/.docx, stdin, bad inputs). Asserts the
 * contract, offsets, exit status and messages — not what the engine finds.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnalysisResultSchema, analyze, offsetErrors } from '../../lib/analysis';
import type { AnalysisResult } from '../../lib/analysis';
import { hasErrors } from '../../cli/main';
import { readInput } from '../../cli/readers';
import { makeSamples } from '../../scripts/make-samples';
import type { Samples } from '../../scripts/make-samples';
import { ROOT, errLines, jsonLines, runCli } from './run-cli';

const SEEDS = [
  'tests/fixtures/seeds/stockholm-hagersten-alvsjo-yttrande-vallingbyteamet.txt',
  'tests/fixtures/seeds/stockholm-socialnamnden-remissvar-faltassistenter.txt',
];

let samples: Samples;
const seedText: Record<string, string> = {};
/** Samples as paths relative to the project root (as a user would type them). */
const rel = (p: string) => relative(ROOT, p);

beforeAll(async () => {
  samples = await makeSamples();
  for (const s of SEEDS) seedText[s] = await readFile(`${ROOT}/${s}`, 'utf8');
}, 30_000);

/** Parses a JSON line with the contract's schema and checks offsets against `text`. */
function checkResult(line: unknown, text: string, file: string): AnalysisResult {
  const result = AnalysisResultSchema.parse(line);
  expect(result.file).toBe(file);
  expect(offsetErrors(result, text)).toEqual([]);
  return result;
}

/** Exit status the contract asks for, given the results of readable inputs. */
const expectedStatus = (results: AnalysisResult[], unreadable: boolean) =>
  unreadable ? 2 : results.some(hasErrors) ? 1 : 0;

describe.concurrent('remisskollen analyze --json', () => {
  it('prints one valid JSON line per seed file, in order, each with `file`', async () => {
    const run = await runCli(['analyze', '--json', ...SEEDS]);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(2);
    const results = lines.map((l, i) => checkResult(l, seedText[SEEDS[i]], SEEDS[i]));
    // The CLI adds nothing but `file` to what analyze() gives for the same text.
    results.forEach((r, i) => expect(r).toEqual({ ...analyze(seedText[SEEDS[i]]), file: SEEDS[i] }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(expectedStatus(results, false));
  });

  it('keeps the order of the files when they are given the other way round', async () => {
    const reversed = [...SEEDS].reverse();
    const run = await runCli(['analyze', ...reversed, '--json']);
    const files = jsonLines(run.stdout).map((l) => AnalysisResultSchema.parse(l).file);
    expect(files).toEqual(reversed);
  });

  it('works from any working directory through the absolute path of the bin', async () => {
    const abs = SEEDS.map((s) => `${ROOT}${s}`);
    const run = await runCli(['analyze', '--json', ...abs], { cwd: '/' });
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => AnalysisResultSchema.parse(l).file)).toEqual(abs);
    expect(run.stderr).toBe('');
  });

  it('reads the HTML, PDF and Word samples; offsets refer to the text the reader made', async () => {
    const files = samples.seeds.flatMap((s) => [rel(s.html), rel(s.pdf), rel(s.docx)]);
    const run = await runCli(['analyze', '--json', ...files]);
    expect(run.stderr).toBe('');
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(files.length);
    const results: AnalysisResult[] = [];
    for (const [i, file] of files.entries()) {
      const { text } = await readInput(`${ROOT}${file}`);
      const result = checkResult(lines[i], text, file);
      expect(result).toEqual({ ...analyze(text), file });
      results.push(result);
    }
    expect(run.code).toBe(expectedStatus(results, false));
  });

  it('reads standard input for "-" (file "-")', async () => {
    const text = seedText[SEEDS[1]];
    const run = await runCli(['analyze', '--json', '-'], { input: text });
    const [line] = jsonLines(run.stdout);
    const result = checkResult(line, text, '-');
    expect(result).toEqual({ ...analyze(text), file: '-' });
  });

  it('recognises a PDF on standard input by its bytes, alongside a file', async () => {
    const pdf = await readFile(samples.seeds[0].pdf);
    const run = await runCli(['analyze', '--json', SEEDS[1], '-'], { input: pdf });
    expect(run.stderr).toBe('');
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => AnalysisResultSchema.parse(l).file)).toEqual([SEEDS[1], '-']);
    const { text } = await readInput(samples.seeds[0].pdf);
    checkResult(lines[1], text, '-');
  });

  it('uses --date for the analysis and validates it', async () => {
    const text = seedText[SEEDS[0]];
    const ok = await runCli(['analyze', '--json', '--date', '2025-07-01', SEEDS[0]]);
    expect(AnalysisResultSchema.parse(jsonLines(ok.stdout)[0])).toEqual({
      ...analyze(text, { date: '2025-07-01' }),
      file: SEEDS[0],
    });
    for (const bad of ['2023-13-01', '2023-02-30', '24/8 2023', 'igår']) {
      const run = await runCli(['analyze', '--json', '--date', bad, SEEDS[0]]);
      expect(run.code, bad).toBe(2);
      expect(run.stdout).toBe('');
      expect(errLines(run.stderr)[0]).toMatch(/^remisskollen: --date ska vara ett datum ÅÅÅÅ-MM-DD/);
    }
  });
});

describe.concurrent('inputs that cannot be read', () => {
  const REASONS: [keyof Samples['bad'] | 'missing', string][] = [
    ['missing', 'filen finns inte'],
    ['empty', 'filen är tom'],
    ['binary', 'filen är binär och inte text'],
    ['latin1', 'filen är inte giltig UTF-8-text (spara om den som UTF-8)'],
    ['corruptPdf', 'PDF-filen är skadad eller ofullständig'],
    ['notAPdf', 'filen är ingen PDF (den saknar PDF-huvud) fast den heter .pdf'],
    ['scannedPdf', 'PDF-filen saknar textlager (inskannad?) – kör OCR (textigenkänning) först'],
    ['encryptedPdf', 'PDF-filen är lösenordsskyddad'],
  ];
  const pathOf = (key: (typeof REASONS)[number][0]) =>
    key === 'missing' ? 'tests/fixtures/finns-inte.txt' : rel(samples.bad[key]);

  it('gives exit 2 and one Swedish line per bad file, and still analyses the good files in order', async () => {
    const bad = REASONS.map(([key]) => pathOf(key));
    const args = ['analyze', '--json', SEEDS[0], ...bad, SEEDS[1]];
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(errLines(run.stderr)).toEqual(REASONS.map(([key, reason]) => `remisskollen: ${pathOf(key)}: ${reason}`));
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(2);
    lines.forEach((l, i) => checkResult(l, seedText[SEEDS[i]], SEEDS[i]));
  });

  // Alone on the command line (the run above has them all together with good files).
  for (const [key, reason] of REASONS.filter(([k]) => k === 'missing' || k === 'encryptedPdf')) {
    it(`${key} alone: exit 2 with "${reason}"`, async () => {
      const file = pathOf(key);
      const run = await runCli(['analyze', file]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(errLines(run.stderr)).toEqual([`remisskollen: ${file}: ${reason}`]);
    });
  }

  it('an unknown format and a directory are refused too', async () => {
    const run = await runCli(['analyze', '--json', 'package.json', 'tests', SEEDS[0]]);
    expect(run.code).toBe(2);
    expect(errLines(run.stderr)).toEqual([
      'remisskollen: package.json: okänt filformat (använd .txt, .md, .html, .pdf eller .docx)',
      'remisskollen: tests: är en katalog, inte en fil',
    ]);
    expect(jsonLines(run.stdout)).toHaveLength(1);
  });

  it('empty standard input', async () => {
    const run = await runCli(['analyze', '-'], { input: '' });
    expect(run.code).toBe(2);
    expect(errLines(run.stderr)).toEqual(['remisskollen: -: filen är tom']);
  });
});

describe.concurrent('usage', () => {
  it('--help and --version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('remisskollen analyze FIL... [--json] [--date ÅÅÅÅ-MM-DD] [--profile NAMN]');
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    const pkg = JSON.parse(await readFile(`${ROOT}package.json`, 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it('bad usage gives exit 2 and a Swedish message', async () => {
    const cases: [string[], RegExp][] = [
      [[], /ange ett kommando/],
      [['analysera', SEEDS[0]], /okänt kommando "analysera"/],
      [['analyze'], /ange minst en fil/],
      [['analyze', '--jsonn', SEEDS[0]], /okänd flagga --jsonn/],
      [['analyze', SEEDS[0], '--date'], /flaggan --date behöver ett värde/],
      [['analyze', '-', '-'], /"-" \(standard in\) kan bara anges en gång/],
    ];
    await Promise.all(
      cases.map(async ([args, message]) => {
        const run = await runCli(args, { input: '' });
        expect(run.code, args.join(' ')).toBe(2);
        expect(run.stdout).toBe('');
        const lines = errLines(run.stderr);
        expect(lines[0]).toMatch(/^remisskollen: /);
        expect(lines[0]).toMatch(message);
        expect(lines[1]).toBe('Skriv "remisskollen --help" för hjälp.');
      }),
    );
  });
});

describe.concurrent('the readable report', () => {
  it('prints a Swedish report per file without --json', async () => {
    const run = await runCli(['analyze', ...SEEDS]);
    expect(run.stderr).toBe('');
    for (const s of SEEDS) expect(run.stdout).toContain(`Remisskollen – ${s}`);
    for (const label of ['Dokumenttyp:', 'Titel:', 'Datum:', 'Diarienummer:', 'Nämnd:', 'Handläggare:', 'Motion:', 'Summa:']) {
      expect(run.stdout.split(label).length - 1, label).toBe(2);
    }
    expect(run.stdout).toMatch(/Hänvisningar/);
    expect(run.stdout).not.toMatch(/^\s*[{[]/m); // no JSON
    const results = SEEDS.map((s) => analyze(seedText[s]));
    expect(run.code).toBe(expectedStatus(results, false));
  });
});
