// The popup's monitoring line and the list autofill receives, from a real built-in template.
import { describe, expect, it } from 'vitest';
import { builtinTemplates, newFilling } from '../../../lib/checklist/index.ts';
import type { Filling } from '../../../lib/checklist/schema.ts';
import {
  activeFilling,
  autofillIndicators,
  deadlinePhrase,
  fillingLine,
  fillingProgress,
} from '../../../components/popup/filling.ts';

const template = builtinTemplates()[0]!;
const answerable = template.indicators.filter((i) =>
  ['presence', 'count', 'number', 'text'].includes(i.kind),
);

function filling(id: string, updatedAt: string, answered: number): Filling {
  const f = newFilling(
    template,
    {
      id,
      title: 'Мониторинг ШНОР',
      period: { start: '2020-09-01', end: '2021-05-31' },
      deadline: '2021-06-11',
    },
    updatedAt,
  );
  for (const ind of answerable.slice(0, answered))
    f.answers[ind.id] = {
      value: 1,
      status: 'confirmed',
      comment: '',
      by: 'Ирина',
      at: updatedAt,
      evidenceIds: [],
      activityIds: [],
    };
  return f;
}

describe('popup monitoring', () => {
  it('takes the most recently updated filling that has its template', () => {
    const old = filling('f1', '2021-05-01T00:00:00.000Z', 3);
    const recent = filling('f2', '2021-06-01T00:00:00.000Z', 5);
    const orphan = { ...filling('f3', '2021-07-01T00:00:00.000Z', 1), templateId: 'missing' };
    const active = activeFilling([old, recent, orphan, { id: 'broken' }], [template]);
    expect(active?.filling.id).toBe('f2');
    expect(activeFilling([], [template])).toBeNull();
  });

  it('counts answered indicators against the template’s answerable ones', () => {
    const f = filling('f', '2021-06-01T00:00:00.000Z', answerable.length - 3);
    f.answers[answerable[0]!.id]!.status = 'rejected';
    const progress = fillingProgress({ filling: f, template });
    expect(progress).toEqual({ filled: answerable.length - 4, total: answerable.length });
    expect(fillingLine({ filling: f, template }, '2021-06-10')).toBe(
      `Мониторинг ШНОР: ${answerable.length - 4} из ${answerable.length}, срок завтра`,
    );
  });

  it('words the deadline the way a person says it', () => {
    expect(deadlinePhrase('2021-06-11', '2021-06-11')).toBe('срок сегодня');
    expect(deadlinePhrase('2021-06-14', '2021-06-11')).toBe('срок через 3 дня');
    expect(deadlinePhrase('2021-06-17', '2021-06-11')).toBe('срок через 6 дней');
    expect(deadlinePhrase('2021-07-11', '2021-06-11')).toBe('срок 11.07.2021');
    expect(deadlinePhrase('2021-06-01', '2021-06-11')).toBe('срок прошёл 01.06.2021');
    expect(deadlinePhrase(null, '2021-06-11')).toBeNull();
  });

  it('gives autofill every indicator but group headings, with the answers (rejected ones empty)', () => {
    const f = filling('f', '2021-06-01T00:00:00.000Z', 2);
    f.answers[answerable[1]!.id]!.status = 'rejected';
    const list = autofillIndicators({ filling: f, template });
    expect(list.some((i) => i.kind === 'group')).toBe(false);
    expect(list.find((i) => i.indicatorId === answerable[0]!.id)?.value).toBe(1);
    expect(list.find((i) => i.indicatorId === answerable[1]!.id)?.value).toBeNull();
    expect(list.length).toBe(template.indicators.filter((i) => i.kind !== 'group').length);
  });
});
