// `npx tsx cli/main.ts refs <file>` as a user runs it: a child process printing JSON.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, ['cli/main.ts', 'refs', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('cli refs', () => {
  it('prints every citation of a text file as JSON', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'svodka-refs-'));
    const file = path.join(dir, 'report.txt');
    writeFileSync(
      file,
      'Проведена корректировка (письма УО от 12.04.2021 № 1064/21-21-10, от 15.04.2021 № 1128/21-21-08).\n' +
        'Приказ УО от 14.05.2021 года № 736 «О результатах методических выездов в ШНОР».',
    );
    const { code, stdout } = await cli(file);
    expect(code).toBe(0);
    const refs = JSON.parse(stdout) as Array<{ number: string; citation: string; date: string }>;
    expect(refs.map((r) => r.number)).toEqual(['1064/21-21-10', '1128/21-21-08', '736']);
    expect(refs[2]!.citation).toBe(
      'приказ УО от 14.05.2021 № 736 «О результатах методических выездов в ШНОР»',
    );
  });

  it('--unique merges the repeated letters of seed 000 (23 citations with the heading → 20 documents)', async () => {
    const seed = path.join(root, 'tests/fixtures/seeds/000_eaebad773a01309e.txt');
    const all = JSON.parse((await cli(seed)).stdout) as unknown[];
    const unique = JSON.parse((await cli(seed, '--unique')).stdout) as unknown[];
    expect([all.length, unique.length]).toEqual([23, 20]);
  });

  it('a missing file is a Russian message and exit code 1; no file is usage, code 2', async () => {
    const missing = await cli('/nonexistent/report.txt');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Не удалось прочитать файл');
    const usage = await cli();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Использование');
  });
});
