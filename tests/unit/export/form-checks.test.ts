import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  MONITORING_HEADERS,
  exportMonitoringReport,
} from '../../../lib/export/monitoring-report.ts';
import { preExportCheck } from '../../../lib/export/pre-export-check.ts';
import {
  answer,
  fixtureBytes,
  korenovskyFilling,
  korenovskyTemplate,
} from './korenovsky-template.ts';

describe('preExportCheck', () => {
  it('lists empty indicators, values without evidence and disagreements, in Russian', async () => {
    const template = await korenovskyTemplate(fixtureBytes());
    const filling = korenovskyFilling();
    delete (filling.answers as Record<string, unknown>).i2;
    const results = [
      { indicatorId: 'i2', value: 1, evidence: [{ id: 'e-736', title: 'Приказ 736' }] },
      { indicatorId: 'i8', value: 15, evidence: [] },
      { indicatorId: 'i1', value: 1, evidence: [] },
    ];
    const issues = preExportCheck(template, filling, results);
    expect(issues.map((i) => [i.indicatorId, i.kind])).toEqual([
      ['i2', 'empty'],
      ['i8', 'disagrees'],
      ['i9', 'no-evidence'],
      // m2a is backed by e-320; m2b and m4c are scored 0 (absence needs no document).
      ...['m4a', 'm4b', 'm4d', 'm4e'].map((id) => [id, 'no-evidence']),
    ]);
    expect(issues[0]!.message).toBe(
      'Показатель 2. «Наличие в Дорожной карте адресных мероприятий» (раздел «Идентификация потребности, планирование и организация методической помощи») не заполнен; автозаполнение предлагает 1.',
    );
    expect(issues[1]!.message).toContain('Значение 17 показателя 8. «Количество ШНОР');
    expect(issues[1]!.message).toContain('расходится с автозаполнением по реестру (15).');
    expect(issues[2]!.message).toBe(
      'Значение 9 показателя 9. «Количество школ-лидеров, вовлеченных в сетевое взаимодействие со ШНОР» (раздел «Идентификация потребности, планирование и организация методической помощи») не подкреплено ни одним документом.',
    );
    expect(issues[4]!.message).toContain('Значение 0,5 показателя 4, подпункт «пункт 2»');
  });

  it('finds nothing to say about a complete, backed, agreeing filling', async () => {
    const template = await korenovskyTemplate(fixtureBytes());
    const filling = korenovskyFilling();
    for (const [key, a] of Object.entries(filling.answers))
      filling.answers[key] = { ...a, evidenceIds: a.value === 0 ? [] : ['e-736'] };
    filling.answers.i9 = answer(9, ['e-320']);
    expect(
      preExportCheck(template, filling, [{ indicatorId: 'i8', value: 17, evidence: [] }]),
    ).toEqual([]);
  });
});

describe('exportMonitoringReport (seed 004 layout)', () => {
  it('writes sections as merged rows, scores in «Баллы», counts in «Количественные показатели»', async () => {
    const template = await korenovskyTemplate(fixtureBytes());
    const bytes = await exportMonitoringReport(template, korenovskyFilling(), undefined, {
      organisation: 'МО Кореновский район',
      now: new Date('2021-06-10T00:00:00Z'),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const ws = wb.worksheets[0]!;
    let h = 1;
    while (ws.getCell(h, 1).value !== '№ п/п') h++;
    expect([1, 2, 3, 4].map((c) => ws.getCell(h, c).value)).toEqual([...MONITORING_HEADERS]);
    const row = (r: number) =>
      [1, 2, 3, 4].map((c) => {
        const cell = ws.getCell(r, c);
        return cell.isMerged && cell.master.address !== cell.address ? null : cell.value;
      });
    expect(row(h + 1)).toEqual([
      'Идентификация потребности, планирование и организация методической помощи',
      null,
      null,
      null,
    ]);
    expect((ws.model as { merges: string[] }).merges).toContain(`A${h + 1}:D${h + 1}`);
    expect(row(h + 2)).toEqual([1, template.indicators[0]!.text, 1, null]);
    expect(row(h + 5)).toEqual([
      8,
      'Количество ШНОР, участников муниципальных методических мероприятий',
      null,
      17,
    ]);
    expect(row(h + 7)[0]).toBe('Эффективность работы муниципального наставнического центра (МНЦ)');
    expect(row(h + 8)).toEqual([
      2,
      'Качество кадрового состава муниципального наставнического центра',
      null,
      null,
    ]);
    expect(row(h + 11)).toEqual([null, 'Средний балл по показателю (от 0 до 2)', 1, null]);
    expect(row(h + 18)).toEqual([null, 'Средний балл по показателю (от 0 до 5)', 3, null]);
    expect(ws.getCell(h + 2, 3).type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell(h + 2, 2).border.left?.style).toBe('thin');
    expect(ws.pageSetup.printTitlesRow).toBe(`${h}:${h}`);
  });
});
