import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../lib/export/file-name.ts';

describe('exportFileName', () => {
  it('joins form title, organisation and the date as ДД.ММ.ГГГГ, keeping Cyrillic', () => {
    expect(exportFileName('Мониторинг результативности', 'МБОУ СОШ № 12', '2021-06-11')).toBe(
      'Мониторинг результативности_МБОУ СОШ № 12_11.06.2021.xlsx',
    );
  });

  it('replaces characters Windows forbids and control characters', () => {
    const name = exportFileName(
      'Форма: "1/2" <тест>?*|\\',
      'МКУ «ИМЦ»\u0007',
      '2021-06-11T10:00:00Z',
    );
    expect(name).toBe('Форма 1 2 тест_МКУ «ИМЦ»_11.06.2021.xlsx');
    expect([...name].some((ch) => '\\/:*?"<>|'.includes(ch) || ch.charCodeAt(0) < 32)).toBe(false);
  });

  it('caps the length of long titles without splitting characters', () => {
    const name = exportFileName('Мониторинг '.repeat(40), 'Организация '.repeat(20), '2021-06-11');
    expect(name.length).toBeLessThanOrEqual(160);
    expect(name.endsWith('_11.06.2021.xlsx')).toBe(true);
  });

  it('falls back to «Форма» when the title has nothing usable', () => {
    expect(exportFileName('???', '', '2021-06-11')).toBe('Форма_11.06.2021.xlsx');
  });
});
