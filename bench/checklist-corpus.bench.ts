// Monitoring forms never seen before: how well the template reader, the rule binding and the
// auto-completion do on the corpus (tests/corpus: the tuning part, and the held-out part that is
// measured here and never tuned on), and how fast a big unseen form is imported and completed.
// The 300-indicator form is built with exceljs in the layout authorities send (sections, codes
// 1.1…, a «Баллы» and a «Количество» column, «*» marks, groups of «- …» sub-items closed by
// «Средний балл по показателю (от 0 до N)»); some of its indicators are the library's own in other
// words (bound to its rules), the rest are answered from their wording.
import ExcelJS from 'exceljs';
import type { BenchSuite, Figure } from './figure.ts';
import { median } from './figure.ts';
import { generateRegister, lcg } from './checklist.bench.ts';
import {
  autoComplete,
  builtinTemplates,
  newFilling,
  recogniseForm,
  type AutoResult,
  type RegisterData,
  type Template,
} from '../lib/checklist/index.ts';
import { measureCorpus, share, type CorpusFigures, type Tally } from '../tests/corpus/measure.ts';

const PERIOD = { start: '2020-09-01', end: '2021-08-31' };
const AT = '2021-09-01T00:00:00.000Z';
const FORM_INDICATORS = 300;

// ---------------------------------------------------------------------------------------------
// Corpus figures

interface CorpusTarget {
  key: keyof Omit<CorpusFigures, 'forms' | 'misses'>;
  name: string;
  target: number;
  bound: 'min' | 'max';
}

const CORPUS_TARGETS: CorpusTarget[] = [
  {
    key: 'structure',
    name: 'structure: indicators read with the right kind and answer cell',
    target: 98,
    bound: 'min',
  },
  { key: 'sections', name: 'sections right', target: 95, bound: 'min' },
  {
    key: 'binding',
    name: 'known (seed-004) indicators bound to their own rule',
    target: 95,
    bound: 'min',
  },
  { key: 'wrongBindings', name: 'wrong bindings, of all indicators', target: 1, bound: 'max' },
  {
    key: 'valuesRelaid',
    name: 'values same as seed 004’s own form, re-laid-out forms',
    target: 95,
    bound: 'min',
  },
  {
    key: 'valuesReworded',
    name: 'values same as seed 004’s own form, reworded forms',
    target: 90,
    bound: 'min',
  },
  {
    key: 'unknownRight',
    name: 'unknown indicators: right values (of those the register answers)',
    target: 80,
    bound: 'min',
  },
  {
    key: 'unknownWrong',
    name: 'unknown indicators: wrong values (of all)',
    target: 5,
    bound: 'max',
  },
];

function corpusFigures(part: 'tuning' | 'held-out', f: CorpusFigures): Figure[] {
  return CORPUS_TARGETS.map(({ key, name, target, bound }) => {
    const tally: Tally = f[key];
    return {
      name: `${part}: ${name}`,
      value: share(tally) * 100,
      unit: '%',
      target,
      bound,
      note: `${tally.right}/${tally.of} over ${f.forms} forms`,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// A realistic 300-indicator form

const SECTIONS = [
  'Идентификация потребности, планирование и организация методической помощи',
  'Эффективность работы муниципального наставнического центра (МНЦ)',
  'Эффективность работы муниципального тьюторского консультационного пункта (МТКП)',
  'Работа районных методических объединений',
  'Повышение квалификации педагогических работников',
  'Сетевое взаимодействие школ-лидеров и ШНОР',
  'Оценка качества образования',
  'Работа с родителями (законными представителями)',
  'Информационное сопровождение',
  'Профессиональное развитие педагогов ШНОР',
];

/** How forms reword the library's indicators: abbreviations spelled out, synonyms, «число». */
const REWORDINGS: [RegExp, string][] = [
  [/официальном сайте УО/g, 'официальном сайте управления образования'],
  [/\bШНОР\b/g, 'школ с низкими образовательными результатами'],
  [/^Количество/, 'Численность'],
  [/^Наличие/, 'Наличие (1/0)'],
];

/** The generated register's topics (bench/checklist.bench.ts), as a form's wording puts them. */
const TOPICS_GENITIVE = [
  'семинаров для управленческих команд ШНОР',
  'заседаний РМО учителей математики',
  'консультаций наставников по программе перехода',
  'вебинаров тьюторов МТКП',
  'мониторинга результатов ВПР',
  'курсов повышения квалификации педагогов',
  'открытых уроков тьюторов',
  'совещаний руководителей школ',
  'дорожной карты сопровождения ШНОР',
  'аналитической справки по итогам мониторинга',
  'сетевого взаимодействия школ-лидеров',
  'родительских собраний',
  'инновационной площадки',
  'методических рекомендаций',
];
/** Those that are events: what is counted, and what teachers take part in. */
const EVENTS = TOPICS_GENITIVE.filter((t) =>
  /^(семинар|заседан|консульт|вебинар|курс|открыт|совещан|родител)/.test(t),
);
const PRESENCE_OPENINGS = [
  'Наличие приказа о проведении',
  'Проведение',
  'Наличие плана проведения',
  'Организация',
  'Наличие на официальном сайте УО информации о проведении',
  'Утвержден план проведения',
];
const COUNT_OPENINGS = [
  'Количество ШНОР — участников',
  'Количество проведенных',
  'Численность педагогов ШНОР — участников',
  'Количество ОО, охваченных проведением',
  'Число участников',
];
const GROUPS = [
  'Качество кадрового состава',
  'Доступность методической помощи',
  'Интенсивность наставнического взаимодействия',
  'Интенсивность тьюторского взаимодействия',
  'Результативность сопровождения ШНОР',
  'Развитие управленческих компетенций администрации ШНОР',
];
/** Sub-items as the library writes them (some bind to its rules) and as other forms do. */
const SUB_ITEMS = [
  'наличие информационной площадки для оперативного обмена сообщениями и данными',
  'наличие у руководителя ШНОР возможности непосредственного общения с наставником',
  'проведение наставником консультаций по совершенствованию работы с кадровым ресурсом',
  'проведение заседаний муниципального сообщества наставников',
  'прохождение педагогом курсов повышения квалификации / переподготовки',
  'наличие у тьютора квалификационной категории',
  'повышение степени вовлеченности родителей',
  'развертывание инновационной деятельности в ШНОР',
];
const SUB_OPENINGS = ['проведение', 'наличие материалов', 'участие педагогов ШНОР в проведении'];

/** Library indicators answered by a rule (the ones a form can bind to), as written there. */
function libraryTexts(): { text: string; count: boolean }[] {
  const t = builtinTemplates()[0]!;
  return t.indicators
    .filter((i) => i.parent === null && (i.kind === 'presence' || i.kind === 'count'))
    .map((i) => ({ text: i.text, count: i.kind === 'count' }));
}

export async function buildLargeForm(
  indicators = FORM_INDICATORS,
): Promise<{ bytes: Uint8Array; rows: number }> {
  const rnd = lcg(300);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const library = libraryTexts();
  const wb = new ExcelJS.Workbook();
  const about = wb.addWorksheet('Пояснения');
  about.getCell('A1').value =
    'Заполните лист «Мониторинг»: 1 — есть, 0 — нет; количество — в столбце «Количество».';
  const ws = wb.addWorksheet('Мониторинг');
  ws.getCell('D1').value = 'Приложение к письму управления образования';
  ws.getCell('A3').value = 'Мониторинг методической помощи школам с низкими результатами';
  ws.mergeCells('A3:D3');
  ws.getRow(5).values = [
    '№ п/п',
    'Наименование показателя',
    'Баллы (наличие - 1, отсутствие - 0)',
    'Количество',
  ];
  let r = 6;
  let written = 0;
  const perSection = Math.ceil(indicators / SECTIONS.length);
  for (let s = 0; s < SECTIONS.length && written < indicators; s++) {
    ws.getCell(r, 1).value = `Раздел ${s + 1}. ${SECTIONS[s]!}`;
    ws.mergeCells(r, 1, r, 4);
    ws.getRow(r).font = { bold: true };
    r++;
    let code = 0;
    let inSection = 0;
    while (inSection < perSection && written < indicators) {
      code++;
      const number = `${s + 1}.${code}`;
      const roll = rnd();
      if (code % 6 === 0 && perSection - inSection >= 5) {
        // A group: its heading, 3–5 sub-items and the average row that closes it.
        const items = 3 + Math.floor(rnd() * 3);
        ws.getRow(r++).values = [number, pick(GROUPS)];
        for (let k = 0; k < items; k++) {
          const text = k % 2 ? pick(SUB_ITEMS) : `${pick(SUB_OPENINGS)} ${pick(EVENTS)}`;
          ws.getRow(r++).values = [null, `- ${text};`, null, '*'];
        }
        ws.getRow(r++).values = [null, `Средний балл по показателю (от 0 до ${items})`];
        written += items;
        inSection += items;
        continue;
      }
      let text: string;
      let count: boolean;
      if (roll < 0.3) {
        // The library's own indicator, as written or reworded.
        const lib = pick(library);
        text = lib.text;
        for (const [re, to] of REWORDINGS) if (rnd() < 0.4) text = text.replace(re, to);
        count = lib.count;
      } else if (roll < 0.75) {
        text = `${pick(PRESENCE_OPENINGS)} ${pick(TOPICS_GENITIVE)}`;
        count = false;
      } else {
        text = `${pick(COUNT_OPENINGS)} ${pick(EVENTS)}`;
        count = true;
      }
      ws.getRow(r++).values = count ? [number, text, '*', null] : [number, text, null, '*'];
      written++;
      inSection++;
    }
  }
  ws.getRow(r + 1).values = [null, 'Начальник управления образования', null, 'И.И. Иванов'];
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), rows: r };
}

// ---------------------------------------------------------------------------------------------

function complete(template: Template, data: RegisterData): AutoResult[] {
  const filling = newFilling(template, { id: 'bench-300', period: PERIOD }, AT);
  return autoComplete(template, filling, data, { today: PERIOD.end });
}

async function speedFigures(): Promise<Figure[]> {
  const { bytes } = await buildLargeForm();
  // Import AND bind: what «Новый мониторинг» does with a form it has never seen.
  const first = await recogniseForm(bytes, 'мониторинг-300.xlsx');
  const imports: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    await recogniseForm(bytes, 'мониторинг-300.xlsx');
    imports.push(performance.now() - start);
  }
  const template = first.template;
  const answerable = template.indicators.filter(
    (i) => !['group', 'aggregate'].includes(i.kind),
  ).length;
  const bound = template.indicators.filter((i) => i.binding && !i.binding.undone).length;

  // Cold: the first call on a freshly generated register (new arrays and other titles, so the
  // index, the wording terms and the per-record stems cached by identity or text all miss; the
  // process-wide word-stem memo and the JIT are not cold). Median over three fresh registers.
  const cold: number[] = [];
  let results: AutoResult[] = [];
  for (const seed of [11, 12, 13]) {
    const fresh = generateRegister(seed);
    const start = performance.now();
    results = complete(template, fresh);
    cold.push(performance.now() - start);
  }
  // Warm: the same register snapshot again (index and wording terms cached).
  const data = generateRegister();
  complete(template, data);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    results = complete(template, data);
    warm.push(performance.now() - start);
  }
  const basis = (b: AutoResult['basis']) => results.filter((x) => x.basis === b);
  const mix =
    `${answerable} answerable: ${bound} bound to library rules, ` +
    `${basis('wording').length} answered from wording, ` +
    `${basis('text-match').length} with no value (records proposed); ${basis('aggregate').length} aggregates`;
  return [
    {
      name: `template import of a ${FORM_INDICATORS}-indicator form (recogniseForm: read + bind, median of 7)`,
      value: median(imports),
      unit: 'ms',
      target: 300,
      bound: 'max',
      note: `${template.indicators.length} rows read, ${template.sections.length} sections, ${bound} bound`,
    },
    {
      name: `auto-completion of ${FORM_INDICATORS} indicators over 10,000 activities + 20,000 evidence, warm (median of 5 after a first)`,
      value: median(warm),
      unit: 'ms',
      target: 150,
      bound: 'max',
      note: mix,
    },
    {
      name: `auto-completion of ${FORM_INDICATORS} indicators over 10,000 activities + 20,000 evidence, cold`,
      value: median(cold),
      unit: 'ms',
      target: 400,
      bound: 'max',
      note: 'first call on a freshly generated register object (new arrays: index and caches keyed by identity miss), median of 3; not a fresh process',
    },
  ];
}

export default {
  title: 'Monitoring forms never seen before: corpus and speed',
  async run(): Promise<Figure[]> {
    const tuning = await measureCorpus('tuning');
    const heldOut = await measureCorpus('held-out');
    return [
      ...corpusFigures('tuning', tuning),
      ...corpusFigures('held-out', heldOut),
      ...(await speedFigures()),
    ];
  },
} satisfies BenchSuite;
