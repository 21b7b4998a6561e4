// The dashboard's first render from a glimpse (the cached snapshot decoded before the store's
// code loads): the list, its header and filters are drawn, read-only, without the store.
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { Dashboard } from '../../components/dashboard/Dashboard.tsx';
import type { Glimpse } from '../../lib/store/cache-head.ts';
import type { Snapshot } from '../../lib/store/index.ts';
import { setLocale } from '../../lib/i18n/index.ts';
import { activityRecord, workspaceRecord } from './store/fixtures.ts';

const snapshot: Snapshot = {
  workspace: workspaceRecord(),

  activities: Array.from({ length: 3000 }, (_, i) =>
    activityRecord({ id: `a${i}`, number: String(i + 1), title: `Семинар № ${i + 1}` }),
  ),
  evidence: [],
  evidencePending: 12,
  people: [],
  organisations: [],
  links: [],
  broken: [],
  extra: {},
};

function firstRender(glimpse: Glimpse | null): string {
  return renderToStaticMarkup(
    <Dashboard glimpse={{ current: glimpse, ready: Promise.resolve(glimpse) }} />,
  );
}

// Rendered to a string in Node: the route is read from a location hash.
Object.assign(globalThis, { window: { location: { hash: '' } } });

afterEach(() => setLocale('ru'));

describe('the dashboard’s first render from a glimpse', () => {
  it('draws the register read-only at once, before the store has loaded', () => {
    const html = firstRender({ workspaceId: 'ws-1', snapshot });
    expect(html).toContain('МБОУ СОШ № 12');
    expect(html).toContain('3000 мероприятий');
    expect(html).toContain('Семинар № 1<');
    expect(html).toContain('data-testid="preview-notice"');
    // The switcher waits for the store, disabled; the list's filters are there.
    expect(html).toMatch(/<select class="switcher"[^>]*disabled/);
    expect(html).toContain('Все направления');
  });

  it('without a glimpse says the workspace is opening', () => {
    expect(firstRender(null)).toContain('Открываем рабочее пространство…');
  });
});
