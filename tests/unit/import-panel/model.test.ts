// What the import screen says about a preview: sections as in the document, Russian plurals.
import { describe, expect, it } from 'vitest';
import {
  groupRows,
  inSections,
  refLabel,
  sectionCount,
  summaryText,
} from '../../../components/import/model.ts';
import { seedPreview } from '../importers/build.ts';

describe('groupRows', () => {
  it('groups seed 002 into its two levels, in document order', () => {
    const groups = groupRows(seedPreview('002_bad5b6982bec67cd').rows);
    expect(groups.map((g) => [g.level, g.rows.length])).toEqual([
      ['municipal', 20],
      ['school', 15],
    ]);
    expect(sectionCount(groups)).toBe(2);
  });

  it('groups seed 000 by direction when the document has no levels', () => {
    const groups = groupRows(seedPreview('000_eaebad773a01309e').rows);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.directions.map((d) => d.direction)).toContain('Проектная деятельность');
    expect(sectionCount(groups)).toBe(groups[0]!.directions.length);
    expect(groups[0]!.directions.reduce((n, d) => n + d.rows.length, 0)).toBe(
      groups[0]!.rows.length,
    );
  });
});

describe('summaryText', () => {
  it('agrees every count with its noun', () => {
    expect(summaryText({ activities: 35, people: 10, organisations: 2, evidence: 0 })).toBe(
      '35 мероприятий, 10 человек, 2 организации, 0 документов',
    );
    expect(summaryText({ activities: 1, people: 3, organisations: 21, evidence: 1 })).toBe(
      '1 мероприятие, 3 человека, 21 организация, 1 документ',
    );
    expect(summaryText({ activities: 22, people: 11, organisations: 5, evidence: 4 })).toBe(
      '22 мероприятия, 11 человек, 5 организаций, 4 документа',
    );
  });

  it('says «в 1 разделе», «в 2 разделах», «в 11 разделах»', () => {
    expect([1, 2, 11, 21].map(inSections)).toEqual([
      'в 1 разделе',
      'в 2 разделах',
      'в 11 разделах',
      'в 21 разделе',
    ]);
  });
});

describe('refLabel', () => {
  const ref = {
    kind: 'order' as const,
    kindText: 'Приказ',
    issuer: 'УО',
    issuerText: 'УО',
    date: '2021-05-14',
    number: '736',
    title: 'О результатах ВПР',
    raw: 'Приказ УО от 14.05.2021 года № 736',
    index: 0,
    missing: [],
    incomplete: false,
    heading: false,
  };
  it('reads a citation back as the exports print it', () => {
    expect(refLabel(ref)).toBe('приказ УО от 14.05.2021 № 736 «О результатах ВПР»');
  });
  it('says an incomplete reference is incomplete and what it lacks (#19)', () => {
    expect(refLabel({ ...ref, date: null, title: '', missing: ['date'], incomplete: true })).toBe(
      'неполная ссылка: приказ УО № 736 — укажите дату',
    );
  });
});
