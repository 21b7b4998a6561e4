import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { analysisToText, draftAnalysis, whenPhrase } from '../../../lib/export/analysis.ts';
import { exportAnalysisDocx } from '../../../lib/export/analysis-docx.ts';
import type { RegisterData } from '../../../lib/export/register.ts';
import { activity, schools, slavyanskyRegister } from './register-fixture.ts';

function documentXml(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  expect(Object.keys(files)).toContain('word/document.xml');
  return strFromU8(files['word/document.xml']!);
}

/** Text of the document's runs, joined per paragraph (Word may split a sentence into runs). */
function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

describe('draftAnalysis', () => {
  it('writes «приняли участие 54 педагога из 22 школ» for 54 teachers of 22 schools', () => {
    const draft = draftAnalysis(slavyanskyRegister());
    const research = draft.sections.find((s) => s.direction === 'Исследовательская деятельность')!;
    const para = research.paragraphs.find((p) => p.includes('Оценка') || p.includes('оценка'))!;
    expect(para).toBe(
      'В мае 2021 года: оценка предметных компетенций педагогических работников в ШНОР. ' +
        'Проведено дистанционное тестирование. В мероприятии приняли участие 54 педагога из 22 школ.',
    );
  });

  it('lists directions, leaves cancelled activities out and closes with totals', () => {
    const draft = draftAnalysis(slavyanskyRegister());
    expect(draft.title).toBe(
      'Анализ работы: УО администрации МО Славянский район в 2020-2021 учебном году',
    );
    expect(draft.intro[0]).toBe(
      'В 2020-2021 учебном году работа осуществлялась по следующим направлениям: ' +
        'исследовательская деятельность; проектная деятельность.',
    );
    const text = analysisToText(draft);
    expect(text).not.toContain('HYPERLINK');
    expect(draft.sections[0]!.paragraphs[0]).toBe(
      'В рамках направления «Исследовательская деятельность» проведено 2 мероприятия.',
    );
    expect(draft.sections[1]!.paragraphs[0]).toBe(
      'В рамках направления «Проектная деятельность» проведено 1 мероприятие.',
    );
    // The postponed activity stays in the narrative but not in the totals.
    expect(text).toContain('Запланировано на 2021-2022 учебный год.');
    expect(draft.summary).toEqual([
      'Всего проведено 3 мероприятия; в них приняли участие 54 педагога; охвачены 22 школы.',
    ]);
  });

  it('agrees words with 1 and 21: «принял участие 1 педагог», «охвачена 21 школа»', () => {
    const base = slavyanskyRegister();
    const data: RegisterData = {
      ...base,
      links: [],
      activities: [
        activity({
          id: 'x1',
          title: 'Семинар для заместителей директоров',
          participants: schools.slice(0, 21).map((s, i) => ({
            orgId: s.id,
            label: 'педагоги',
            count: i === 0 ? 1 : 0,
          })),
        }),
      ],
    };
    const draft = draftAnalysis(data);
    expect(draft.sections[0]!.paragraphs[1]).toContain(
      'В мероприятии принял участие 1 педагог из 21 школы.',
    );
    expect(draft.summary[0]).toBe(
      'Всего проведено 1 мероприятие; в них принял участие 1 педагог; охвачена 21 школа.',
    );
  });

  it('phrases periods in Russian: months, school year, deadlines, text as written', () => {
    const range = (start: string, end: string) => ({
      raw: '',
      parsed: { raw: '', kind: 'range' as const, start, end, every: null, times: null },
    });
    expect(whenPhrase(range('2021-02-01', '2021-04-30'))).toBe('в феврале–апреле 2021 года');
    expect(whenPhrase(range('2020-11-01', '2021-02-28'))).toBe(
      'с ноября 2020 года по февраль 2021 года',
    );
    expect(whenPhrase(range('2020-09-01', '2021-08-31'))).toBe('в течение 2020-2021 учебного года');
    expect(whenPhrase(range('2021-05-01', '2021-05-11'))).toBe('с 01.05.2021 по 11.05.2021');
    expect(
      whenPhrase({
        raw: 'до 15 декабря 2020',
        parsed: {
          raw: 'до 15 декабря 2020',
          kind: 'deadline',
          start: null,
          end: '2020-12-15',
          every: null,
          times: null,
        },
      }),
    ).toBe('до 15 декабря 2020 года');
    expect(whenPhrase({ raw: 'По плану ЦОКО', parsed: null })).toBe('по плану ЦОКО');
  });
});

describe('exportAnalysisDocx', () => {
  it('is a Word document whose body holds the title, headings and the narrative', async () => {
    const draft = draftAnalysis(slavyanskyRegister());
    const bytes = await exportAnalysisDocx(draft);
    const xml = documentXml(bytes);
    const paragraphs = paragraphsOf(xml);
    expect(paragraphs[0]).toBe(draft.title);
    expect(paragraphs).toContain('Исследовательская деятельность');
    expect(paragraphs).toContain('Проектная деятельность');
    expect(paragraphs).toContain('Итоги');
    expect(xml).toContain('приняли участие 54 педагога из 22 школ');
    // Headings use Word's heading style so the navigation pane shows the directions.
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>/);
  });

  it('keeps the agreement of other counts in the document', async () => {
    const base = slavyanskyRegister();
    const bytes = await exportAnalysisDocx(
      draftAnalysis({
        ...base,
        links: [],
        activities: [
          activity({
            id: 'x1',
            title: 'Семинар',
            participants: schools
              .slice(0, 21)
              .map((s, i) => ({ orgId: s.id, label: 'педагог', count: i === 0 ? 1 : 0 })),
          }),
        ],
      }),
    );
    const xml = documentXml(bytes);
    expect(xml).toContain('принял участие 1 педагог из 21 школы');
    expect(xml).toContain('охвачена 21 школа');
  });
});
