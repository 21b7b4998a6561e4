import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { templateSchema } from '../../../lib/checklist/index.ts';
import { notAChecklist } from './workbooks.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'cli/main.ts', 'template', ...args], {
      cwd: root,
      env: process.env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('cli template', () => {
  it('prints the form as sections, indicators with answer cells, proposals and warnings; --out saves it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'svodka-template-'));
    const out = path.join(dir, 'template.json');
    const { code, stdout } = await cli(
      'tests/fixtures/monitoring-korenovsky-2021.xlsx',
      '--out',
      out,
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as {
      sections: unknown[];
      indicators: {
        id: string;
        number: string;
        kind: string;
        section: string;
        parent: string | null;
        max: number | null;
        cells: { value?: string };
      }[];
      proposals: { id: string }[];
      warnings: string[];
    };
    expect(json.sections).toHaveLength(4);
    expect(json.indicators).toHaveLength(89);
    expect(json.indicators.find((i) => i.id === 'r14')).toMatchObject({
      number: '8',
      kind: 'count',
      section: 's6',
      parent: null,
      max: null,
      cells: { value: 'D14' },
    });
    expect(json.proposals.map((p) => p.id)).toEqual([
      'split:r41',
      'split:r62',
      'split:r65',
      'merge:s38',
    ]);
    expect(json.warnings[0]).toContain('Количество нные показатели');
    expect(templateSchema.safeParse(JSON.parse(await readFile(out, 'utf8'))).success).toBe(true);
  });

  it('refuses a workbook that is not a form, and explains usage', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'svodka-template-'));
    const file = path.join(dir, 'реестр.xlsx');
    await writeFile(file, await notAChecklist());
    const bad = await cli(file);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('не найдено формы мониторинга');
    expect((await cli()).code).toBe(2);
  });
});
