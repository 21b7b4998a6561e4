import { describe, expect, it } from 'vitest';
import { setLocale } from '../../../lib/i18n/index.ts';
import {
  captureDraft,
  checkPages,
  checkTargets,
  cleanPageTitle,
  evidenceInput,
  originPatterns,
  pageTextHash,
  parsePageSnapshot,
  parsePendingCapture,
  pngFromDataUrl,
  summarize,
  type CheckTarget,
} from '../../../lib/capture/index.ts';
import { evidenceSchema, type Evidence } from '../../../lib/model/index.ts';

const ORDER_PAGE = [
  'МБОУ СОШ № 12 — Новости',
  'Опубликован Приказ управления образования от 14.05.2021 № 736 «О результатах всероссийских проверочных работ в 2021 году».',
  'Ознакомиться с приказом можно в приложении.',
].join('\n');

describe('captureDraft', () => {
  it('a page publishing a постановление proposes it as one, issuer in the nominative (#19)', () => {
    const { draft } = captureDraft({
      url: 'https://rostov-gorod.ru/docs/220',
      title: 'Постановление № 220',
      selection: '',
      text: 'Главная / Документы\nпостановление Администрации г. Ростова-на-Дону от 04.04.2012 № 220 «Об утверждении Положения»\nСкачать',
    });
    expect(draft).toMatchObject({
      kind: 'resolution',
      date: '2012-04-04',
      number: '220',
      issuer: 'Администрация г. Ростова-на-Дону',
      title: 'Об утверждении Положения',
    });
  });

  it('proposes the cited order’s date, number, kind, title and issuer from the page text', () => {
    const { draft, recognised } = captureDraft({
      url: 'http://127.0.0.1/news/736',
      title: 'Новости | МБОУ СОШ № 12',
      selection: '',
      text: ORDER_PAGE,
    });
    expect(draft).toMatchObject({
      kind: 'order',
      date: '2021-05-14',
      number: '736',
      url: 'http://127.0.0.1/news/736',
    });
    expect(draft.title).toContain('О результатах всероссийских проверочных работ');
    expect(draft.issuer.toLowerCase()).toContain('управлени');
    expect(recognised).toBe('На странице найден приказ от 14.05.2021 № 736');
  });

  it('says what it recognised in agreement with the kind, and in English when chosen', () => {
    const page = (selection: string) => ({
      url: 'https://school.example/page',
      title: 'Страница',
      selection,
      text: '',
    });
    expect(captureDraft(page('письмо МКУО КМЦ от 20.05.2021 № 320')).recognised).toBe(
      'На странице найдено письмо от 20.05.2021 № 320',
    );
    expect(captureDraft(page('справка от 01.06.2021')).recognised).toBe(
      'На странице найдена справка от 01.06.2021',
    );
    setLocale('en');
    try {
      expect(captureDraft(page('письмо МКУО КМЦ от 20.05.2021 № 320')).recognised).toBe(
        'The page names a letter dated 20.05.2021, № 320',
      );
    } finally {
      setLocale('ru');
    }
  });

  it('prefers what the user selected, and keeps the selection as the note', () => {
    const selection = 'письмо МКУО КМЦ от 20.05.2021 № 320';
    const { draft } = captureDraft({
      url: 'https://school.example/page',
      title: 'Страница',
      selection,
      text: ORDER_PAGE,
    });
    expect(draft).toMatchObject({
      kind: 'letter',
      date: '2021-05-20',
      number: '320',
      note: selection,
    });
  });

  it('falls back to a web page titled by the page when no document is named', () => {
    const { draft, recognised } = captureDraft({
      url: 'https://school.example/shnor',
      title: 'Сопровождение ШНОР | МБОУ СОШ № 12',
      selection: '',
      text: 'Раздел о сопровождении школ с низкими результатами.',
    });
    expect(draft).toMatchObject({
      kind: 'web_page',
      date: '',
      number: '',
      title: 'Сопровождение ШНОР',
    });
    expect(recognised).toBeNull();
  });
});

describe('cleanPageTitle', () => {
  it('drops the site name after a separator but keeps short titles whole', () => {
    expect(cleanPageTitle('Приказ № 736 о ВПР | МБОУ СОШ № 12')).toBe('Приказ № 736 о ВПР');
    expect(cleanPageTitle('ВПР | Школа')).toBe('ВПР | Школа');
  });
});

describe('evidenceInput', () => {
  it('makes a record the evidence schema accepts, with capture time and hash', async () => {
    const { draft } = captureDraft({
      url: 'http://127.0.0.1/x',
      title: 't',
      selection: '',
      text: ORDER_PAGE,
    });
    const hash = await pageTextHash(ORDER_PAGE);
    const input = evidenceInput(draft, {
      capturedAt: new Date('2021-06-01T10:00:00Z'),
      contentHash: hash,
      attachments: [],
    });
    const record = evidenceSchema.parse({
      ...input,
      id: 'e1',
      createdAt: '2021-06-01T10:00:00.000Z',
      updatedAt: '2021-06-01T10:00:00.000Z',
    });
    expect(record).toMatchObject({ date: '2021-05-14', number: '736', contentHash: hash });
    expect(record.capturedAt).toBe('2021-06-01T10:00:00.000Z');
  });

  it('refuses a draft without a title, in Russian', () => {
    const { draft } = captureDraft({
      url: 'http://127.0.0.1/x',
      title: 't',
      selection: '',
      text: ORDER_PAGE,
    });
    expect(() =>
      evidenceInput(
        { ...draft, title: '  ' },
        { capturedAt: new Date(), contentHash: null, attachments: [] },
      ),
    ).toThrow('Укажите название');
  });
});

describe('page input from the injected script and the context menu', () => {
  it('accepts an http page and refuses other schemes, oversize text and junk', () => {
    const ok = { url: 'https://a.ru/', title: 'x', selection: '', text: 'y', truncated: false };
    expect(parsePageSnapshot(ok)).toEqual(ok);
    expect(parsePageSnapshot({ ...ok, url: 'chrome://settings' })).toBeNull();
    expect(parsePageSnapshot({ ...ok, url: 'javascript:alert(1)' })).toBeNull();
    expect(parsePageSnapshot({ ...ok, text: 'x'.repeat(200_001) })).toBeNull();
    expect(parsePageSnapshot('<html>')).toBeNull();
    expect(parsePageSnapshot(null)).toBeNull();
  });

  it('reads a pending capture only when it is well-formed', () => {
    const pending = {
      pageUrl: 'https://school.example/a',
      pageTitle: 'A',
      linkUrl: 'https://school.example/doc.pdf',
      selection: '',
      tabId: 4,
      windowId: 1,
      at: '2021-05-14T09:00:00.000Z',
    };
    expect(parsePendingCapture(pending)).toEqual(pending);
    expect(parsePendingCapture({ ...pending, linkUrl: 'file:///etc/passwd' })).toBeNull();
    expect(parsePendingCapture({ ...pending, tabId: 'x' })).toBeNull();
  });
});

describe('pageTextHash', () => {
  it('ignores how the text is laid out but not what it says', async () => {
    expect(await pageTextHash('Приказ  № 736\n\nО результатах')).toBe(
      await pageTextHash('Приказ № 736 О результатах'),
    );
    expect(await pageTextHash('Приказ № 736')).not.toBe(await pageTextHash('Приказ № 737'));
    expect(await pageTextHash('')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('pngFromDataUrl', () => {
  it('decodes PNG data URLs and refuses anything that is not a PNG', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const bytes = pngFromDataUrl(`data:image/png;base64,${png.toString('base64')}`);
    expect(bytes && Array.from(bytes)).toEqual(Array.from(png));
    expect(
      pngFromDataUrl(`data:image/png;base64,${Buffer.from('GIF89a....').toString('base64')}`),
    ).toBeNull();
    expect(pngFromDataUrl('data:image/jpeg;base64,AAAA')).toBeNull();
  });
});

function evidence(over: Partial<Evidence>): Evidence {
  return evidenceSchema.parse({
    id: over.id ?? 'e',
    kind: 'web_page',
    issuer: '',
    date: null,
    number: '',
    title: 'Страница',
    url: '',
    attachments: [],
    note: '',
    capturedAt: '2021-05-14T09:00:00.000Z',
    contentHash: null,
    createdAt: '2021-05-14T09:00:00.000Z',
    updatedAt: '2021-05-14T09:00:00.000Z',
    ...over,
  });
}

describe('saved-pages check', () => {
  it('checks captured pages with an address and a hash, asking only for their origins', () => {
    const h = 'a'.repeat(64);
    const targets = checkTargets([
      evidence({ id: '1', url: 'https://school.example/a', contentHash: h }),
      evidence({ id: '2', url: 'https://school.example/b', contentHash: h }),
      evidence({ id: '3', url: 'http://uo.example/c', contentHash: h }),
      evidence({ id: '4', url: 'https://school.example/no-hash' }),
      evidence({
        id: '5',
        kind: 'order',
        url: 'https://x.example/d',
        contentHash: h,
        capturedAt: null,
      }),
      evidence({ id: '6', url: '', contentHash: h }),
    ]);
    expect(targets.map((t) => t.evidenceId)).toEqual(['1', '2', '3']);
    expect(originPatterns(targets)).toEqual(['http://uo.example/*', 'https://school.example/*']);
  });

  it('says which pages are gone, which changed and which did not', async () => {
    const text = (html: string) => html.replace(/<[^>]+>/g, ' ');
    const target = async (id: string, url: string, saved: string): Promise<CheckTarget> => ({
      evidenceId: id,
      title: id,
      url,
      contentHash: await pageTextHash(saved),
    });
    const pages: Record<string, { status: number; body: string }> = {
      'https://s.example/same': { status: 200, body: '<p>Приказ № 736</p>' },
      'https://s.example/edited': { status: 200, body: '<p>Приказ № 737</p>' },
      'https://s.example/gone': { status: 404, body: '' },
    };
    const results = await checkPages(
      [
        await target('same', 'https://s.example/same', 'Приказ № 736'),
        await target('edited', 'https://s.example/edited', 'Приказ № 736'),
        await target('gone', 'https://s.example/gone', 'Приказ № 736'),
        await target('down', 'https://down.example/', 'x'),
      ],
      {
        fetchPage: async (url) => {
          const page = pages[url];
          if (!page) throw new Error('Failed to fetch');
          return page;
        },
        textOf: text,
      },
    );
    expect(results.map((r) => [r.evidenceId, r.label])).toEqual([
      ['same', 'без изменений'],
      ['edited', 'изменилась'],
      ['gone', 'недоступна (404)'],
      ['down', 'не открылась (Failed to fetch)'],
    ]);
    expect(summarize(results)).toBe('без изменений: 1, изменились: 1, недоступны: 2');
  });
});
