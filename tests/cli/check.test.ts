/**
 * `remisskollen check` as a user runs it: a real process on the seeds, a
 * faulted draft on standard input and as .docx, bad usage. The JSON lines
 * follow CheckJsonLineSchema and say the same as checkDraft() for the same text;
 * the exit status stops a draft with an error-level finding.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckJsonLineSchema, checkDraft } from '../../lib/checks';
import { readInput } from '../../cli/readers';
import { seedBlocks, textDocx } from '../../scripts/make-samples';
import { ROOT, errLines, jsonLines, runCli } from './run-cli';

const HAG = 'tests/fixtures/seeds/stockholm-hagersten-alvsjo-yttrande-vallingbyteamet.txt';
const SOC = 'tests/fixtures/seeds/stockholm-socialnamnden-remissvar-faltassistenter.txt';
const TODAY = '2026-11-25';
let dir: string;
const text: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'remisskollen-check-'));
  for (const f of [HAG, SOC]) text[f] = await readFile(join(ROOT, f), 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.concurrent('remisskollen check', () => {
  it('--json: one line per file, the schema, the same findings as checkDraft(), exit 1 on an error', async () => {
    const run = await runCli(['check', '--json', '--today', TODAY, HAG, SOC]);
    const lines = jsonLines(run.stdout).map((l) => CheckJsonLineSchema.parse(l));
    expect(lines.map((l) => l.file)).toEqual([HAG, SOC]);
    for (const l of lines) {
      const r = checkDraft(text[l.file], { today: TODAY });
      expect(l.problems).toEqual(r.findings);
      expect(l.summary).toBe(r.summary);
      expect(l.lix.value).toBe(r.readability.value);
    }
    // Hägersten lacks the required Jämställdhetsanalys: an error, so the draft is stopped
    expect(lines[0].counts.error).toBe(1);
    expect(lines[0].problems.find((p) => p.severity === 'error')?.rule).toBe('section-missing');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  });

  it('exit 0 for a draft without errors, and when the only error rule is ignored', async () => {
    const soc = await runCli(['check', '--today', TODAY, SOC]);
    expect(soc.code).toBe(0);
    expect(soc.stdout).toMatch(/^0 fel, 4 varningar — LIX \d+, \S+/m);
    const ign = await runCli(['check', '--json', '--today', TODAY, '--ignore', 'section-missing', HAG]);
    const [line] = jsonLines(ign.stdout).map((l) => CheckJsonLineSchema.parse(l));
    expect(line.problems.some((p) => p.rule === 'section-missing')).toBe(false);
    expect(line.summary).toMatch(/^0 fel, 6 varningar/);
    expect(ign.code).toBe(0);
  });

  it('a faulted draft on standard input: the personnummer stops it', async () => {
    const draft = text[SOC].replace('Staden arbetar for en kunskapsbaserad', 'Kontaktperson hos familjen: 19121212-1212.\n\nStaden arbetar for en kunskapsbaserad');
    const run = await runCli(['check', '--json', '--today', TODAY, '-'], { input: draft });
    const [line] = jsonLines(run.stdout).map((l) => CheckJsonLineSchema.parse(l));
    const pnr = line.problems.filter((p) => p.rule === 'personnummer');
    expect(pnr.map((p) => draft.slice(p.start, p.end))).toEqual(['19121212-1212']);
    expect(run.code).toBe(1);
  });

  it('a .docx draft: a repealed law in a draft dated 2026, with the readable report', async () => {
    const draftText = text[HAG]
      .replace('2023-08-24', '2026-03-02')
      .replace('Satsningen avslutades 2022', 'Enligt 5 kap. 1 § socialtjänstlagen (2001:453) ska nämnden verka för att barn och unga växer upp under trygga förhållanden.\n\nSatsningen avslutades 2022');
    const file = join(dir, 'utkast.docx');
    await writeFile(file, textDocx(seedBlocks(draftText)));
    const read = await readInput(file);
    expect(read.text).toContain('socialtjänstlagen (2001:453)');
    const run = await runCli(['check', '--today', TODAY, '--ignore', 'section-missing', file]);
    expect(run.stdout).toContain('Socialtjänstlagen (2001:453) upphävdes 2025-07-01 och har ersatts av socialtjänstlagen (2025:400).');
    expect(run.stdout).toMatch(/^1 fel, 6 varningar — LIX/m);
    expect(run.stdout).toContain('Skala: under 30 mycket lätt, 30–40 lätt, 40–50 medelsvår, 50–60 svår, över 60 mycket svår.');
    expect(run.code).toBe(1);
  });

  it('exit 2 for an unreadable file (the others still checked) and for bad usage', async () => {
    const run = await runCli(['check', '--json', '--today', TODAY, 'finns-inte.txt', SOC]);
    expect(errLines(run.stderr)).toEqual(['remisskollen: finns-inte.txt: filen finns inte']);
    expect(jsonLines(run.stdout)).toHaveLength(1);
    expect(run.code).toBe(2);
    for (const args of [['check'], ['check', '--profile', 'nej', SOC], ['check', '--ignore', 'ingen-regel', SOC], ['check', '--today', '2026-13-01', SOC], ['check', '--bogus', SOC]]) {
      const bad = await runCli(args);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).toMatch(/^remisskollen check: /);
    }
    const help = await runCli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('private-phone');
  });

  it('analyze is unchanged by the new subcommand', async () => {
    const run = await runCli(['analyze', '--json', SOC]);
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)).toHaveLength(1);
  });
});
