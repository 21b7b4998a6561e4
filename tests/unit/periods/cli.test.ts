import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'cli/main.ts', 'period', ...args], {
      cwd: root,
      env: process.env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('cli period', () => {
  it('prints the parsed period as JSON', async () => {
    const { code, stdout } = await cli('февраль 2021');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      raw: 'февраль 2021',
      kind: 'range',
      start: '2021-02-01',
      end: '2021-02-28',
      every: null,
      times: null,
    });
  });

  it('takes the year of a bare month from --school-year', async () => {
    const { code, stdout } = await cli('Февраль-март', '--school-year', '2020-2021');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      kind: 'range',
      start: '2021-02-01',
      end: '2021-03-31',
    });
  });

  it('refuses a malformed school year in Russian', async () => {
    const { code, stderr } = await cli('март', '--school-year', '2020-2023');
    expect(code).toBe(1);
    expect(stderr).toMatch(/Учебный год «2020-2023» записан неверно/);
  });
});
