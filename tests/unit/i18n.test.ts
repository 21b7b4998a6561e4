import { afterEach, describe, expect, it } from 'vitest';
import { defineMessages, pluralEn, setLocale } from '../../lib/i18n/index.ts';
import { plural } from '../../lib/ru/plural.ts';
import { z } from 'zod';
import { activitySchema, evidenceKindLabel, statusLabel } from '../../lib/model/index.ts';
import { dateFromText } from '../../components/common/DateInput.tsx';
import { activityRecord } from './store/fixtures.ts';

const t = defineMessages({
  ru: {
    found: 'Найдено: {count}',
    schools: (n: number) => plural(n, ['школа', 'школы', 'школ']),
  },
  en: {
    found: 'Found: {count}',
    schools: (n: number) => pluralEn(n, ['school', 'schools']),
  },
});

describe('interface language', () => {
  afterEach(() => setLocale('ru'));

  it('speaks Russian by default, with Russian agreement', () => {
    expect(t('found', { count: 3 })).toBe('Найдено: 3');
    expect(t('schools', 22)).toBe('22 школы');
    expect(t('schools', 11)).toBe('11 школ');
    expect(statusLabel('done')).toBe('выполнено');
  });

  it('speaks English when chosen, labels of records included', () => {
    setLocale('en');
    expect(t('found', { count: 3 })).toBe('Found: 3');
    expect(t('schools', 1)).toBe('1 school');
    expect(t('schools', 22)).toBe('22 schools');
    expect(statusLabel('in_progress')).toBe('in progress');
    expect(evidenceKindLabel('protocol')).toBe('minutes');
  });

  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(t('found', {} as { count: number })).toBe('Найдено: {count}');
  });
});

describe('dates typed as ДД.ММ.ГГГГ', () => {
  it('reads Russian dates, pasted ISO dates and an empty field', () => {
    expect(dateFromText('14.05.2021')).toBe('2021-05-14');
    expect(dateFromText(' 1.9.2020 ')).toBe('2020-09-01');
    expect(dateFromText('01/09/2020')).toBe('2020-09-01');
    expect(dateFromText('2021-05-14')).toBe('2021-05-14');
    expect(dateFromText('')).toBe('');
  });

  it('passes on text that is not a real date, for the form to refuse', () => {
    expect(dateFromText('31.02.2021')).toBe('31.02.2021');
    expect(dateFromText('14.05')).toBe('14.05');
  });
});

describe('validation messages of the records', () => {
  afterEach(() => setLocale('ru'));

  const untitled = activityRecord({ number: '1.', title: '', place: '' });
  const titleMessage = () => {
    const result = activitySchema.safeParse(untitled);
    expect(result.success).toBe(false);
    return result.error?.issues.find((i) => i.path.join('.') === 'title')?.message;
  };

  it('follow the interface language at parse time', () => {
    setLocale('en');
    expect(titleMessage()).toBe('Describe the activity');
    expect(
      activitySchema.safeParse({ ...untitled, title: 'x'.repeat(4001) }).error?.issues[0]?.message,
    ).toBe('At most 4000 characters');
    setLocale('ru');
    expect(titleMessage()).toBe('Опишите мероприятие');
    expect(
      activitySchema.safeParse({ ...untitled, title: 'x'.repeat(4001) }).error?.issues[0]?.message,
    ).toBe('Не длиннее 4000 символов');
  });

  it('do not change the schema itself', () => {
    setLocale('en');
    const en = JSON.stringify(z.toJSONSchema(activitySchema));
    setLocale('ru');
    expect(JSON.stringify(z.toJSONSchema(activitySchema))).toBe(en);
  });
});
