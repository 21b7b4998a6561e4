// Export speed. Targets from the issue: filling and writing the Korenovsky form ≤ 300 ms; an
// execution report of 5,000 activities ≤ 2,000 ms.
import type { BenchSuite, Figure } from './figure.ts';
import { median, timeMs } from './figure.ts';
import { exportExecutionReport, fillWorkbook } from '../lib/export/index.ts';
import type { RegisterData } from '../lib/export/index.ts';
import {
  fixtureBytes,
  korenovskyFilling,
  korenovskyTemplate,
} from '../tests/unit/export/korenovsky-template.ts';
import {
  activity,
  evidence,
  link,
  person,
  slavyanskyRegister,
} from '../tests/unit/export/register-fixture.ts';

function bigRegister(n: number): RegisterData {
  const base = slavyanskyRegister();
  const directions = base.workspace.directions;
  const people = Array.from({ length: 40 }, (_, i) =>
    person(`p${i}`, `А.Б. Иванова-${i}`, 'заместитель директора по учебно-воспитательной работе'),
  );
  const ev = Array.from({ length: 1000 }, (_, i) =>
    evidence({
      id: `e${i}`,
      issuer: 'УО',
      date: '2021-05-14',
      number: String(100 + i),
      title: `О проведении мероприятия № ${i} для школ с низкими образовательными результатами`,
    }),
  );
  const activities = Array.from({ length: n }, (_, i) =>
    activity({
      id: `a${i}`,
      number: `${(i % 200) + 1}.`,
      direction: directions[i % directions.length]!,
      title: `Проведение методического семинара для педагогов ШНОР по вопросам повышения качества образования, встреча ${i}`,
      period: { raw: 'В течение года', parsed: null },
      place: 'МКУО КМЦ',
      responsibleIds: [`p${i % 40}`, `p${(i + 7) % 40}`],
      report:
        'Проведены семинары, вебинары для директоров, заместителей директоров по вопросам повышения качества образования.',
    }),
  );
  const links = activities.flatMap((a, i) => [
    link(a.id, `e${i % 1000}`),
    link(a.id, `e${(i * 7) % 1000}`),
  ]);
  return { ...base, people, evidence: ev, activities, links };
}

export default {
  title: 'Exports (lib/export)',
  async run(): Promise<Figure[]> {
    const bytes = fixtureBytes();
    const template = await korenovskyTemplate(bytes);
    const filling = korenovskyFilling();
    const options = {
      sourcesSheet: true,
      aggregatesAsFormulas: false,
      organisation: 'МКУ «ИМЦ системы образования МО Кореновский район»',
      evidenceById: new Map(),
    };
    for (let i = 0; i < 3; i++) await fillWorkbook(bytes, template, filling, undefined, options);
    const fill: number[] = [];
    for (let i = 0; i < 15; i++)
      fill.push(await timeMs(() => fillWorkbook(bytes, template, filling, undefined, options)));

    const data = bigRegister(5000);
    await exportExecutionReport(bigRegister(200));
    const report: number[] = [];
    let size = 0;
    for (let i = 0; i < 3; i++)
      report.push(
        await timeMs(async () => {
          size = (await exportExecutionReport(data)).byteLength;
        }),
      );
    return [
      {
        name: 'fillWorkbook on the Korenovsky form, with «Источники» (median of 15)',
        value: median(fill),
        unit: 'ms',
        target: 300,
        bound: 'max',
      },
      {
        name: 'exportExecutionReport, 5,000 activities (median of 3)',
        value: median(report),
        unit: 'ms',
        target: 2000,
        bound: 'max',
        note: `${Math.round(size / 1024)} KB`,
      },
    ];
  },
} satisfies BenchSuite;
