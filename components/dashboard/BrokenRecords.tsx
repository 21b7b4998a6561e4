// Records that fail their schema are shown, never dropped and never allowed to crash the view.
import type { BrokenRecord } from '../../lib/store/index.ts';
import { plural } from '../../lib/ru/plural.ts';

const LABELS: Record<string, string> = {
  activities: 'Мероприятие',
  evidence: 'Подтверждение',
  people: 'Человек',
  organisations: 'Организация',
  links: 'Связь',
};

function preview(raw: unknown): string {
  if (raw && typeof raw === 'object') {
    const r = raw as Record<string, unknown>;
    for (const key of ['title', 'name', 'number'])
      if (typeof r[key] === 'string' && r[key]) return String(r[key]);
  }
  return '';
}

export function BrokenRecords({ broken }: { broken: BrokenRecord[] }) {
  return (
    <section className="notice warn broken" aria-label="Требуют исправления">
      <details>
        <summary>
          <strong>Требуют исправления</strong>:{' '}
          {plural(broken.length, ['запись', 'записи', 'записей'])} не проходят проверку. Они
          сохранены и не потеряются; остальной реестр работает.
        </summary>
        <ul>
          {broken.slice(0, 200).map((b) => (
            <li key={`${b.collection}:${b.id}`}>
              <strong>{LABELS[b.collection] ?? b.collection}</strong> {preview(b.raw)}{' '}
              <span className="muted small">({b.id})</span>: {b.message}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
