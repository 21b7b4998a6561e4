// Records that fail their schema are shown, never dropped and never allowed to crash the view.
import type { BrokenRecord } from '../../lib/store/index.ts';
import { t } from './register-messages.ts';

function collectionLabel(collection: string): string {
  switch (collection) {
    case 'activities':
      return t('brokenActivity');
    case 'evidence':
      return t('brokenEvidence');
    case 'people':
      return t('brokenPerson');
    case 'organisations':
      return t('brokenOrganisation');
    case 'links':
      return t('brokenLink');
    default:
      return collection;
  }
}

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
    <section className="notice warn broken" aria-label={t('needFixing')}>
      <details>
        <summary>
          <strong>{t('needFixing')}</strong>: {t('brokenSummary', broken.length)}
        </summary>
        <ul>
          {broken.slice(0, 200).map((b) => (
            <li key={`${b.collection}:${b.id}`}>
              <strong>{collectionLabel(b.collection)}</strong> {preview(b.raw)}{' '}
              <span className="muted small">({b.id})</span>: {b.message}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
