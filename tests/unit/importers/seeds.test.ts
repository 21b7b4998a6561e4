// The seeds' tables, pasted as text, import row for row.
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../lib/importers/index.ts';
import { seedPreview } from './build.ts';

const numbers = (p: ImportPreview, pick: (r: ImportPreview['rows'][number]) => boolean): string[] =>
  p.rows.filter(pick).map((r) => r.number);

describe('seed 002 (Sochi roadmap) pasted', () => {
  const preview = seedPreview('002_bad5b6982bec67cd');

  it('gives exactly 35 activities: 20 municipal, 15 at school level', () => {
    expect(preview.rows).toHaveLength(35);
    expect(numbers(preview, (r) => r.level === 'municipal')).toEqual(
      Array.from({ length: 20 }, (_, i) => `${i + 1}.`),
    );
    expect(numbers(preview, (r) => r.level === 'school')).toEqual(
      Array.from({ length: 15 }, (_, i) => `${i + 21}.`),
    );
  });

  it('recognises the columns by meaning, the blank-headed first one as №', () => {
    expect(preview.tables[0]!.columns.map((c) => c.field)).toEqual([
      'number',
      'title',
      'period',
      'responsible',
    ]);
  });

  it('joins rows split by a page break and keeps periods as written', () => {
    const row8 = preview.rows[7]!;
    expect(row8.title).toBe('Мониторинг эффективности работы тьюторского консультационного пункта');
    expect(row8.period.raw).toBe('август 2021');
    expect(preview.rows[31]!.title).toBe(
      'Получение индивидуальных консультаций в муниципальном тьюторском консультационном пункте для обучающихся и учителей (консультации)',
    );
    expect(preview.rows[21]!.period.raw).toBe('до 15 декабря 2020');
    expect(preview.rows[10]!.period.raw).toBe('не реже одной в полугодие');
  });

  it('turns the HTML list of row 27 into one line per item', () => {
    const lines = preview.rows[26]!.title.split('\n');
    expect(lines[0]).toBe('Внесение изменений в');
    expect(lines[1]).toBe('- рабочие программы;');
    expect(lines[2]).toBe('- программу внеурочной деятельности;');
  });

  it('finds the responsible people with positions', () => {
    const people = preview.rows[0]!.responsible.people;
    expect(people.map((p) => p.name)).toEqual(['И.Б. Лукашова', 'В.Г. Церекидзе']);
    expect(people[1]!.position).toMatch(/директор СЦРО/);
  });

  it('gives every row a distinct key', () => {
    expect(new Set(preview.rows.map((r) => r.key)).size).toBe(35);
  });
});

describe('seed 000 (Slavyansky report) pasted', () => {
  const preview = seedPreview('000_eaebad773a01309e');
  const byDirection = (d: string): string[] => numbers(preview, (r) => r.direction === d);

  it('gives every numbered row of every direction (20), numbering restarting per direction', () => {
    expect(preview.rows).toHaveLength(20);
    expect(byDirection('Исследовательская деятельность')).toEqual([
      '1.',
      '2.',
      '3.',
      '4.',
      '5.',
      '6.',
    ]);
    expect(byDirection('Проектная деятельность')).toEqual([
      '1.',
      '2.',
      '3.',
      '4.',
      '5.',
      '6.',
      '7.',
    ]);
    expect(byDirection('Консультационная деятельность')).toEqual(['1.', '2.']);
    expect(byDirection('Информационная деятельность')).toEqual(['1.', '2.', '3.']);
    expect(
      byDirection('Мониторинговая деятельность по созданию Школы управленческого резерва'),
    ).toEqual(['1.']);
    expect(
      byDirection('Организационная деятельность по созданию Школы управленческого резерва'),
    ).toEqual(['1.']);
    expect(new Set(preview.rows.map((r) => r.key)).size).toBe(20);
  });

  it('skips the header repeated on every page and joins split rows cell by cell', () => {
    const research4 = preview.rows[3]!;
    expect(research4.title).toBe(
      'Оценка предметных компетенций педагогических работников в ШНОР (в т.ч. участие учителей в пробном ЕГЭ, в акциях ЕГЭ, ОГЭ для учителей)',
    );
    const project4 = preview.rows[9]!;
    expect(project4.report).toMatch(
      /«День открытых дверей», письмо УО от 19\.05\.2021 № 1457\/21-21-10/,
    );
    expect(preview.rows.some((r) => r.title.startsWith('Содержание работы'))).toBe(false);
  });

  it('keeps every report, HTML paragraphs and lists as lines', () => {
    expect(preview.rows.every((r) => r.report !== '')).toBe(true);
    const project7 = preview.rows[12]!;
    expect(project7.report).toContain(
      'работа МКП:\n- в 9 классах: 1,3-я суббота месяца;\n- в 11 классах',
    );
    expect(project7.report).not.toMatch(/<\/?(p|ul)/);
    const consult1 = preview.rows[13]!;
    expect(consult1.report.split('\n')[0]).toBe(
      'Проводятся консультации для администраций ШНОР в рамках проведения мероприятий «День открытых дверей», посещения администраций ШНОР педагогических советов в школах – наставниках.',
    );
  });

  it('cites the documents of the report and marks postponed rows', () => {
    const project2 = preview.rows[7]!;
    expect(project2.refs.map((r) => [r.kind, r.date, r.number])).toContainEqual([
      'order',
      '2021-05-14',
      '736',
    ]);
    const postponed = preview.rows
      .filter((r) => r.status === 'postponed')
      .map((r) => r.title.slice(0, 30));
    expect(postponed).toEqual([
      'Выявление профессиональных упр',
      'Анализ проведенных исследовани',
      'Распространение опыта об эффек',
      'Отслеживание потребностей муни',
      'Организация и проведение мероп',
    ]);
    expect(preview.rows[0]!.period.raw).toBe('Февраль-март');
    expect(preview.rows[0]!.place).toBe('УО');
  });
});
