// A school's self-diagnosis questionnaire built as a React app: every input is controlled (its value
// comes from React state, onChange writes the state back). __formState reports that React state.
import React from 'react';
import { createRoot } from 'react-dom/client';

type Answers = {
  orgName: string;
  plan: string;
  kpk: string;
  level: string;
  roadmapDate: string;
  parentMeetings: string;
  network: string;
  vpr: string;
  primaryTeachers: string;
  phone: string;
};

const initial: Answers = {
  orgName: '',
  plan: '',
  kpk: '',
  level: '',
  roadmapDate: '',
  parentMeetings: '',
  network: '',
  vpr: '',
  primaryTeachers: '',
  phone: '',
};

const PLAN_OPTIONS = [
  { value: 'has', text: 'имеется' },
  { value: 'none', text: 'отсутствует' },
];
const YES_NO = [
  { value: 'Y', text: 'да' },
  { value: 'N', text: 'нет' },
];
const LEVELS = [
  { value: '', text: '— не выбрано —' },
  { value: 'low', text: 'низкий' },
  { value: 'mid', text: 'средний' },
  { value: 'high', text: 'высокий' },
];

const textOf = (opts: { value: string; text: string }[], value: string) =>
  value === '' ? '' : (opts.find((o) => o.value === value)?.text ?? '');

// The page's own state, as the corpus test reads it: one string per data-key.
function toFormState(s: Answers): Record<string, string> {
  return {
    'org-name': s.orgName,
    plan: textOf(PLAN_OPTIONS, s.plan),
    kpk: s.kpk,
    level: textOf(LEVELS, s.level),
    'roadmap-date': s.roadmapDate,
    'parent-meetings': s.parentMeetings,
    network: textOf(YES_NO, s.network),
    vpr: s.vpr,
    'primary-teachers': s.primaryTeachers,
    phone: s.phone,
  };
}

const page = window as Window & {
  __formState?: () => Record<string, string>;
  __submitted?: boolean;
};
page.__submitted = false;
page.__formState = () => toFormState(initial);

function App() {
  const [s, setS] = React.useState<Answers>(initial);

  React.useEffect(() => {
    page.__formState = () => toFormState(s);
  }, [s]);

  const bind = (k: keyof Answers) => ({
    value: s[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      const v = e.target.value;
      setS((prev) => ({ ...prev, [k]: v }));
    },
  });

  const radio = (k: 'plan' | 'network', name: string, opts: { value: string; text: string }[]) =>
    opts.map((o) => (
      <label className="radio-inline" key={o.value}>
        <input
          type="radio"
          name={name}
          value={o.value}
          checked={s[k] === o.value}
          onChange={(e) => {
            const v = e.target.value;
            setS((prev) => ({ ...prev, [k]: v }));
          }}
        />{' '}
        {o.text}
      </label>
    ));

  return (
    <>
      <div className="app-header">Самодиагностика ОО · Электронная анкета</div>
      <form
        className="app-main"
        onSubmit={(e) => {
          e.preventDefault();
          page.__submitted = true;
        }}
      >
        <h2>Анкета самодиагностики общеобразовательной организации</h2>

        <div className="form-row">
          <label htmlFor="orgName">Наименование ОО (полное, по уставу)</label>
          <input
            id="orgName"
            type="text"
            data-key="org-name"
            data-expect="none"
            {...bind('orgName')}
          />
        </div>

        <fieldset className="form-row" data-key="plan" data-expect="i1" data-expect-value="имеется">
          <legend className="form-label">План работы со ШНОР на 2021 г.</legend>
          {radio('plan', 'plan', PLAN_OPTIONS)}
        </fieldset>

        <div className="form-row">
          <label htmlFor="kpk">Число педагогов, повысивших квалификацию на курсах (КПК)</label>
          <input
            id="kpk"
            type="text"
            inputMode="numeric"
            data-key="kpk"
            data-expect="i2"
            data-expect-value="12"
            {...bind('kpk')}
          />
          <div className="form-help">человек</div>
        </div>

        <div className="form-row">
          <label htmlFor="level">Программа реализуется на уровне</label>
          <select
            id="level"
            data-key="level"
            data-expect="i6"
            data-expect-value="высокий"
            {...bind('level')}
          >
            {LEVELS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.text}
              </option>
            ))}
          </select>
        </div>

        <div className="form-row">
          <label htmlFor="roadmapDate">Дорожная карта утверждена (дата)</label>
          <input
            id="roadmapDate"
            type="date"
            data-key="roadmap-date"
            data-expect="i4"
            data-expect-value="2021-02-15"
            {...bind('roadmapDate')}
          />
        </div>

        <div className="form-row">
          <label htmlFor="parentMeetings">
            Родительские собрания, посвящённые повышению качества образования (кол-во)
          </label>
          <input
            id="parentMeetings"
            type="text"
            inputMode="numeric"
            data-key="parent-meetings"
            data-expect="i13"
            data-expect-value="3"
            {...bind('parentMeetings')}
          />
        </div>

        <fieldset className="form-row" data-key="network" data-expect="i14" data-expect-value="нет">
          <legend className="form-label">
            Заключён договор о сетевом взаимодействии со школой-наставником
          </legend>
          {radio('network', 'network', YES_NO)}
        </fieldset>

        <div className="form-row">
          <label htmlFor="vpr">
            Участие во Всероссийских проверочных работах: доля обучающихся, %
          </label>
          <input
            id="vpr"
            type="text"
            inputMode="decimal"
            data-key="vpr"
            data-expect="i8"
            data-expect-value="87"
            {...bind('vpr')}
          />
        </div>

        <div className="form-row">
          <label htmlFor="primaryTeachers">Количество учителей начальных классов в ОО</label>
          <input
            id="primaryTeachers"
            type="text"
            inputMode="numeric"
            data-key="primary-teachers"
            data-expect="none"
            {...bind('primaryTeachers')}
          />
        </div>

        <div className="form-row">
          <label htmlFor="phone">Телефон для связи</label>
          <input id="phone" type="tel" data-key="phone" data-expect="none" {...bind('phone')} />
        </div>

        <button type="submit" className="btn-primary">
          Отправить анкету
        </button>
      </form>
    </>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
