import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/commands/export.ts';
import { writeBackup } from '../../../lib/store/backup.ts';
import { FillingStore } from '../../../lib/store/fillings.ts';
import { buildExampleDoc } from '../../../lib/store/example.ts';
import { Repository } from '../../../lib/store/repository.ts';
import {
  fixtureBytes,
  fixturePath,
  korenovskyFilling,
  korenovskyTemplate,
} from './korenovsky-template.ts';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) },
  };
}

let dir: string;
let backup: string;

beforeAll(async () => {
  const now = new Date('2021-06-04T10:00:00Z');
  const doc = buildExampleDoc(now);
  const repo = new Repository(doc, { actor: 'тест', clock: () => now });
  repo.put('templates', await korenovskyTemplate(fixtureBytes()));
  new FillingStore(repo).save(korenovskyFilling());
  repo.destroy();
  dir = mkdtempSync(path.join(tmpdir(), 'svodka-export-'));
  backup = path.join(dir, 'backup.svodka');
  writeFileSync(backup, writeBackup({ doc, attachments: new Map(), now }));
});

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0]!;
}

describe('cli export', () => {
  it('writes the execution report and the roadmap from a backup', async () => {
    const a = io();
    const report = path.join(dir, 'report.xlsx');
    expect(await run(['report', '--workspace', backup, '--out', report], a.io)).toBe(0);
    expect(a.out).toEqual([`Готово: ${report}`]);
    const sheet = await sheetOf(report);
    expect(sheet.getCell(1, 1).value).toBe('Отчет');
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts).toContain('Исследовательская деятельность');

    const roadmap = path.join(dir, 'roadmap.xlsx');
    expect(await run(['roadmap', '--workspace', backup, '--out', roadmap], io().io)).toBe(0);
    expect((await sheetOf(roadmap)).getCell(1, 1).value).toBe('Дорожная карта');
  });

  it('writes the analysis as .docx, or as text for a .txt name', async () => {
    const docx = path.join(dir, 'analysis.docx');
    expect(await run(['analysis', '--workspace', backup, '--out', docx], io().io)).toBe(0);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(docx)))['word/document.xml']!);
    expect(xml).toContain('В рамках направления');
    const txt = path.join(dir, 'analysis.txt');
    expect(
      await run(['analysis', '--workspace', backup, '--out', txt, '--statuses', 'done'], io().io),
    ).toBe(0);
    expect(readFileSync(txt, 'utf8')).toMatch(/^Анализ работы: /);
  });

  it("fills the authority's form in place, warning about what the check found", async () => {
    const a = io();
    const out = path.join(dir, 'form.xlsx');
    const code = await run(
      ['monitoring', '--workspace', backup, '--out', out, '--form', fixturePath, '--sources'],
      a.io,
    );
    expect(code).toBe(0);
    expect(a.err.some((m) => m.startsWith('Внимание: Значение 9 показателя 9.'))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Мониторинг', 'Источники']);
    expect(wb.getWorksheet('Мониторинг')!.getCell('D14').value).toBe(17);
  });

  it('answers bad input in Russian with code 1 and usage errors with code 2', async () => {
    const a = io();
    expect(await run(['report', '--workspace', backup], a.io)).toBe(2);
    expect(a.err[0]).toMatch(/^Использование/);
    const b = io();
    expect(
      await run(
        [
          'report',
          '--workspace',
          backup,
          '--out',
          path.join(dir, 'x.xlsx'),
          '--statuses',
          'готово',
        ],
        b.io,
      ),
    ).toBe(1);
    expect(b.err[0]).toContain('нет статуса «готово»');
    const c = io();
    expect(
      await run(['report', '--workspace', path.join(dir, 'нет.svodka'), '--out', 'x.xlsx'], c.io),
    ).toBe(1);
    expect(c.err[0]).toContain('Файл не найден');
  });
});
