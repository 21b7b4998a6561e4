// «Профиль для заполнения форм» in «Настройки»: the only source Svodka fills fields about the
// person from (a web form's ФИО, должность, телефон, e-mail). Empty fields stay empty on forms.
import { useEffect, useState } from 'react';
import { autofillProfileSchema, type AutofillProfile } from '../../lib/autofill/types.ts';
import { autofillProfileItem, readAutofillProfile } from './autofill-profile.ts';
import { t } from './messages.ts';

const FIELDS = ['name', 'position', 'phone', 'email'] as const;

export function AutofillProfileCard() {
  const [profile, setProfile] = useState<AutofillProfile>({});
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void readAutofillProfile().then((p) => live && setProfile(p));
    return () => {
      live = false;
    };
  }, []);

  async function save() {
    const trimmed = Object.fromEntries(
      FIELDS.map((f) => [f, profile[f]?.trim() ?? '']).filter(([, v]) => v !== ''),
    );
    const parsed = autofillProfileSchema.safeParse(trimmed);
    if (!parsed.success) {
      setStatus(t('profileInvalid'));
      return;
    }
    await autofillProfileItem.setValue(parsed.data);
    setStatus(t('profileSaved'));
  }

  return (
    <div className="card stack" data-testid="autofill-profile">
      <h2>{t('profileTitle')}</h2>
      <p className="muted small">{t('profileHint')}</p>
      {FIELDS.map((f) => (
        <label key={f} className="stack">
          <span>{t(f)}</span>
          <input
            value={profile[f] ?? ''}
            type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
            autoComplete={
              f === 'name'
                ? 'name'
                : f === 'email'
                  ? 'email'
                  : f === 'phone'
                    ? 'tel'
                    : 'organization-title'
            }
            onChange={(e) => setProfile({ ...profile, [f]: e.target.value })}
          />
        </label>
      ))}
      <div className="row">
        <button type="button" onClick={() => void save()}>
          {t('profileSave')}
        </button>
        {status && (
          <span role="status" className="muted">
            {status}
          </span>
        )}
      </div>
    </div>
  );
}
