import { describe, expect, it } from 'vitest';
import { leadingNumber, matchFields } from '../../../lib/autofill/match.ts';
import type { FieldDescriptor } from '../../../lib/autofill/types.ts';
import { formKeyOf } from '../../../lib/autofill/types.ts';
import { valueForField } from '../../../lib/autofill/values.ts';
import { FILLING } from './fixtures.ts';

const field = (
  key: string,
  label: string,
  control: FieldDescriptor['control'] = 'text',
  options: string[] = [],
): FieldDescriptor => ({
  key,
  control,
  label,
  hints: [],
  options: options.map((o) => ({ label: o, value: o })),
  frame: '',
});

describe('matchFields', () => {
  it('pairs fields by word forms, abbreviations and numbering, and leaves strangers unpaired', () => {
    const fields = [
      field('a', 'Кол-во педагогов, прошедших КПК', 'number'),
      field('b', 'Ответственный за работу со ШНОР'),
      field('c', 'Наличие плана работы со школами с низкими результатами', 'radio', ['Да', 'Нет']),
      field('d', '7. Количество семинаров'),
      field('e', 'Ваш адрес электронной почты'),
    ];
    const pairs = Object.fromEntries(
      matchFields(fields, FILLING).map((p) => [p.fieldKey, p.indicatorId]),
    );
    expect(pairs).toEqual({ a: 'i2', b: 'i3', c: 'i1', d: 'i7' });
  });

  it('uses remembered pairs first, with full confidence', () => {
    const fields = [field('x', 'Поле 1'), field('y', 'Ответственный за работу с ШНОР')];
    const pairs = matchFields(fields, FILLING, [
      { fieldKey: 'x', indicatorId: 'i8', indicatorNumber: '8.', indicatorText: '' },
    ]);
    expect(pairs).toEqual([
      {
        fieldKey: 'x',
        indicatorId: 'i8',
        confidence: 1,
        source: 'remembered',
        ticked: true,
        reason: null,
      },
      expect.objectContaining({ fieldKey: 'y', indicatorId: 'i3', source: 'matched' }),
    ]);
  });

  it('never pairs two fields with one indicator', () => {
    const fields = [
      field('a', 'Уровень реализации программы'),
      field('b', 'Уровень реализации программы (повтор)'),
    ];
    expect(matchFields(fields, FILLING).filter((p) => p.indicatorId === 'i6')).toHaveLength(1);
  });

  it('never pairs on a page’s own numbering alone, nor with fields about the person', () => {
    // A portal numbers its rows 1–4 its own way: «2.» is not the form's indicator 2.
    const fields = [
      field('a', '1. Комментарий к заполнению'),
      field('b', '2. Контактный телефон ответственного'),
      field('c', '3. Сколько проведено методических семинаров?', 'number'),
      field('d', '4. Ваш e-mail'),
      field('e', '5. Должность'),
    ];
    const pairs = matchFields(fields, FILLING);
    expect(pairs.map((p) => [p.fieldKey, p.indicatorId, p.ticked])).toEqual([['c', 'i7', true]]);
    // Nothing in common but the number: no pair at all.
    expect(matchFields([field('x', '2. Укажите муниципалитет')], FILLING)).toEqual([]);
  });

  it('leaves a pair unticked, with its reason, when two indicators fit equally', () => {
    const twins = [
      {
        ...FILLING[0]!,
        indicatorId: 'a',
        text: 'Наличие информационной площадки',
        context: ['Наставники'],
      },
      {
        ...FILLING[0]!,
        indicatorId: 'b',
        text: 'Наличие информационной площадки',
        context: ['Тьюторы'],
      },
    ];
    const [alone] = matchFields([field('f', 'Есть информационная площадка')], twins);
    expect(alone).toMatchObject({
      ticked: false,
      reason: expect.stringContaining('так же похоже'),
    });
    // Where the field sits decides between them.
    const placed = matchFields(
      [{ ...field('f', 'Есть информационная площадка'), context: ['Работа тьюторов'] }],
      twins,
    );
    expect(placed).toEqual([expect.objectContaining({ indicatorId: 'b', ticked: true })]);
  });

  it('does not put a count into a yes/no indicator’s field, nor the reverse', () => {
    const pairs = matchFields([field('n', 'Количество планов работы с ШНОР', 'number')], FILLING);
    expect(pairs.filter((p) => p.ticked)).toEqual([]);
  });

  it('reads numbering like «1.», «2.3»', () => {
    expect(leadingNumber('2.3. Доля педагогов')).toBe('2.3');
    expect(leadingNumber('1. План')).toBe('1');
    expect(leadingNumber('План на 2021 год')).toBe('');
    expect(leadingNumber('Вопрос 3 Сколько…')).toBe('3');
  });

  it('gives a form the same key whatever the order of its fields', () => {
    const a = [field('a', 'x'), field('b', 'y')];
    expect(formKeyOf('/f', a)).toBe(formKeyOf('/f', [...a].reverse()));
    expect(formKeyOf('/f', a)).not.toBe(formKeyOf('/f', [field('a', 'x')]));
  });
});

describe('valueForField', () => {
  it('maps 1/0 and true/false onto Да/Нет, наличие/отсутствие, 1/0 options', () => {
    const pick = (options: string[], v: boolean | number) => {
      const r = valueForField(field('f', 'q', 'radio', options), v);
      return r.ok && r.value.control === 'option' ? r.value.label : null;
    };
    expect(pick(['Да', 'Нет'], 1)).toBe('Да');
    expect(pick(['наличие', 'отсутствие'], false)).toBe('отсутствие');
    expect(pick(['0', '1'], true)).toBe('1');
  });

  it('says why a value does not fit', () => {
    const r = valueForField(field('f', 'q', 'number'), 'Иванова');
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('только число') });
    expect(valueForField(field('f', 'q', 'select', ['Низкий']), 'Высокий').ok).toBe(false);
    expect(valueForField(field('f', 'q'), null).ok).toBe(false);
  });

  it('writes dates as the control expects', () => {
    expect(valueForField(field('f', 'q', 'date'), '15.02.2021')).toEqual({
      ok: true,
      value: { control: 'text', text: '2021-02-15' },
    });
    expect(valueForField(field('f', 'q'), '2021-02-15')).toEqual({
      ok: true,
      value: { control: 'text', text: '15.02.2021' },
    });
  });
});
