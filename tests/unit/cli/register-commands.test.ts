import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const cli = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'cli/main.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });

describe('command-line tool over backup files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'svodka-cli-'));

  it('writes the example workspace and counts its records', () => {
    const file = path.join(dir, 'example.svodka');
    execFileSync('npx', ['tsx', 'cli/main.ts', 'example', '--out', file]);
    const info = JSON.parse(cli('info', file).stdout);
    // What the importers make of seeds 000 (20 activities) and 002 (35), and seed 004's
    // monitoring with an answer proposed for each of its answerable indicators.
    expect(info.counts).toMatchObject({
      activities: 55,
      evidence: 17,
      people: 19,
      organisations: 39,
      links: 19,
      templates: 1,
      fillings: 1,
    });
    expect(info.workspace.schoolYear).toBe('2020-2021');
  });

  it('imports seed 002 roadmap into a new backup, and a second import adds nothing', () => {
    const seed = readFileSync('tests/fixtures/seeds/002_bad5b6982bec67cd.txt', 'utf8');
    const table = path.join(dir, 'roadmap.txt');
    writeFileSync(table, seed.slice(seed.indexOf('Приложение')));
    const into = path.join(dir, 'school.svodka');
    const first = JSON.parse(cli('import', table, '--into', into).stdout);
    expect(first.added.activities).toBe(35);
    const second = JSON.parse(cli('import', table, '--into', into).stdout);
    expect(second.added).toEqual({
      activities: 0,
      evidence: 0,
      people: 0,
      organisations: 0,
      links: 0,
    });
    expect(JSON.parse(cli('info', into).stdout).counts.activities).toBe(35);
  });

  it('refuses a foreign file with a Russian message and exit code 1', () => {
    const bogus = path.join(dir, 'bogus.svodka');
    writeFileSync(bogus, 'это не резервная копия');
    const result = cli('info', bogus);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/не резервная копия/);
  });

  it('names unknown commands', () => {
    const result = cli('launch-rockets');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Неизвестная команда «launch-rockets»/);
  });
});
