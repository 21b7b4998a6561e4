import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { safeCellValue, setCell } from '../../../lib/export/safe-cell.ts';

describe('safeCellValue', () => {
  it.each(['=', '+', '-', '@', '\t', '\r'])('neutralises text beginning with %j', (prefix) => {
    const text = `${prefix}HYPERLINK("http://x")`;
    expect(safeCellValue(text)).toBe(`'${text}`);
  });

  it("keeps -5 as a number but neutralises the text '-5'", () => {
    expect(safeCellValue(-5)).toBe(-5);
    expect(safeCellValue('-5')).toBe("'-5");
  });

  it('turns a hyphenated list item into an en-dash one rather than prefixing it', () => {
    expect(safeCellValue('- наличие у наставника стажа')).toBe('– наличие у наставника стажа');
    expect(safeCellValue('-наличие')).toBe("'-наличие");
  });

  it('leaves ordinary text, dates and booleans as they are', () => {
    expect(safeCellValue('Приказ УО от 14.05.2021 № 736')).toBe('Приказ УО от 14.05.2021 № 736');
    expect(safeCellValue('a=b')).toBe('a=b');
    const d = new Date('2021-06-11T00:00:00Z');
    expect(safeCellValue(d)).toBe(d);
    expect(safeCellValue(true)).toBe(true);
    expect(safeCellValue(0)).toBe(0);
  });

  it('turns empty and unrepresentable values into an empty cell', () => {
    expect(safeCellValue(null)).toBeNull();
    expect(safeCellValue(undefined)).toBeNull();
    expect(safeCellValue('')).toBeNull();
    expect(safeCellValue(Number.NaN)).toBeNull();
    expect(safeCellValue(Infinity)).toBeNull();
    expect(safeCellValue(new Date('garbage'))).toBeNull();
    expect(safeCellValue({ formula: 'SUM(A1:A2)' })).toBeNull();
  });

  it('setCell writes a formula-looking title as a plain string cell, not a formula', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист');
    setCell(ws.getCell('A1'), '=HYPERLINK("http://x")');
    setCell(ws.getCell('A2'), -5);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(await wb.xlsx.writeBuffer());
    const sheet = reread.getWorksheet('Лист')!;
    expect(sheet.getCell('A1').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('A1').value).toBe(`'=HYPERLINK("http://x")`);
    expect(sheet.getCell('A2').value).toBe(-5);
  });
});
