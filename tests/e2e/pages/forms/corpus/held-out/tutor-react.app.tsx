import React from 'react';
import { createRoot } from 'react-dom/client';

type State = {
  head_fio: string;
  fill_date: string;
  docs: boolean;
  tutor_cert: string;
  exchange: string;
  direct: string;
  monthly: boolean;
  community: string;
  intensity_score: string;
  tutors_total: string;
  kpk: boolean;
};

const initial: State = {
  head_fio: '',
  fill_date: '',
  docs: false,
  tutor_cert: '',
  exchange: '',
  direct: '',
  monthly: false,
  community: '',
  intensity_score: '',
  tutors_total: '',
  kpk: false,
};

const YES_NO: Array<{ value: string; text: string }> = [
  { value: '', text: 'Выберите…' },
  { value: 'yes', text: 'Да' },
  { value: 'no', text: 'Нет' },
];

const DIRECT: Array<{ value: string; text: string }> = [
  { value: 'y', text: 'да' },
  { value: 'n', text: 'нет' },
];

const optionText = (opts: Array<{ value: string; text: string }>, v: string): string => {
  if (v === '') return '';
  const o = opts.find((x) => x.value === v);
  return o ? o.text : '';
};

const stateRef: { current: State } = { current: initial };

declare global {
  interface Window {
    __formState: () => Record<string, string>;
    __submitted: boolean;
  }
}

window.__submitted = false;
window.__formState = () => {
  const s = stateRef.current;
  return {
    head_fio: s.head_fio,
    fill_date: s.fill_date,
    docs: s.docs ? 'true' : 'false',
    tutor_cert: optionText(YES_NO, s.tutor_cert),
    exchange: optionText(YES_NO, s.exchange),
    direct: optionText(DIRECT, s.direct),
    monthly: s.monthly ? 'true' : 'false',
    community: optionText(YES_NO, s.community),
    intensity_score: s.intensity_score,
    tutors_total: s.tutors_total,
    kpk: s.kpk ? 'true' : 'false',
  };
};

function App() {
  const [s, setS] = React.useState<State>(initial);
  const [savedAt, setSavedAt] = React.useState<string>('');
  stateRef.current = s;

  const set = <K extends keyof State>(k: K, v: State[K]) => {
    setS((prev) => {
      const next = { ...prev, [k]: v };
      stateRef.current = next;
      return next;
    });
  };

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    window.__submitted = true;
    setSavedAt(new Date().toLocaleTimeString('ru-RU'));
  };

  return (
    <>
      <div className="app-bar">Муниципальный тьюторский консультационный пункт · Самообследование 2021</div>
      <form className="container" onSubmit={onSubmit}>
        <div className="card">
          <h2>Сведения о заполняющем</h2>
          <div className="meta">
            <div>
              <label htmlFor="head_fio">Руководитель МТКП (Ф. И. О.)</label>
              <input
                id="head_fio"
                type="text"
                data-key="head_fio"
                data-expect="none"
                value={s.head_fio}
                onChange={(e) => set('head_fio', e.target.value)}
              />
            </div>
            <div>
              <label htmlFor="fill_date">Дата заполнения</label>
              <input
                id="fill_date"
                type="date"
                data-key="fill_date"
                data-expect="none"
                value={s.fill_date}
                onChange={(e) => set('fill_date', e.target.value)}
              />
            </div>
          </div>
        </div>

        <div className="card">
          <h2>А. Нормативное обеспечение и кадры</h2>
          <div className="field">
            <span className="code">А-01</span>
            <label htmlFor="docs">
              Изданы приказы о назначении тьюторов (с закреплением за конкретными педагогами), утверждён план
              работы пункта с участием всех тьюторов
            </label>
            <div className="ctl">
              <label className="switch">
                <input
                  id="docs"
                  type="checkbox"
                  data-key="docs"
                  data-expect="r71"
                  data-expect-value="true"
                  checked={s.docs}
                  onChange={(e) => set('docs', e.target.checked)}
                />
                имеется
              </label>
            </div>
          </div>
          <div className="field">
            <span className="code">А-02</span>
            <label htmlFor="tutors_total">Количество тьюторов, закреплённых за педагогами ШНОР</label>
            <div className="ctl">
              <input
                id="tutors_total"
                type="number"
                min={0}
                data-key="tutors_total"
                data-expect="none"
                value={s.tutors_total}
                onChange={(e) => set('tutors_total', e.target.value)}
              />
            </div>
          </div>
          <div className="field">
            <span className="code">А-03</span>
            <label htmlFor="tutor_cert">У тьюторов есть квалификационная категория или сертификат тьютора</label>
            <div className="ctl">
              <select
                id="tutor_cert"
                data-key="tutor_cert"
                data-expect="r74"
                value={s.tutor_cert}
                onChange={(e) => set('tutor_cert', e.target.value)}
              >
                {YES_NO.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.text}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>

        <div className="card">
          <h2>Б. Доступность тьюторской помощи</h2>
          <div className="field">
            <span className="code">Б-01</span>
            <label htmlFor="exchange">
              Есть площадка для оперативного обмена сообщениями (страница сайта, сообщество во ВКонтакте,
              мессенджер, электронная почта)
            </label>
            <div className="ctl">
              <select
                id="exchange"
                data-key="exchange"
                data-expect="r78"
                data-expect-value="Нет"
                value={s.exchange}
                onChange={(e) => set('exchange', e.target.value)}
              >
                {YES_NO.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.text}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <span className="code">Б-02</span>
            <span id="direct_l">Педагог может напрямую общаться и взаимодействовать со своим тьютором</span>
            <div
              className="ctl radios"
              role="radiogroup"
              aria-labelledby="direct_l"
              data-key="direct"
              data-expect="r80"
              data-expect-value="нет"
            >
              {DIRECT.map((o) => (
                <label key={o.value}>
                  <input
                    type="radio"
                    name="direct"
                    value={o.value}
                    checked={s.direct === o.value}
                    onChange={() => set('direct', o.value)}
                  />{' '}
                  {o.text}
                </label>
              ))}
            </div>
          </div>
        </div>

        <div className="card">
          <h2>В. Интенсивность тьюторского взаимодействия</h2>
          <div className="field">
            <span className="code">В-01</span>
            <label htmlFor="monthly">Тьютор ежемесячно проводит мероприятия и консультации</label>
            <div className="ctl">
              <label className="switch">
                <input
                  id="monthly"
                  type="checkbox"
                  data-key="monthly"
                  data-expect="r83"
                  data-expect-value="true"
                  checked={s.monthly}
                  onChange={(e) => set('monthly', e.target.checked)}
                />
                да
              </label>
            </div>
          </div>
          <div className="field">
            <span className="code">В-02</span>
            <label htmlFor="community">Проводятся заседания муниципального сообщества тьюторов</label>
            <div className="ctl">
              <select
                id="community"
                data-key="community"
                data-expect="r86"
                data-expect-value="Да"
                value={s.community}
                onChange={(e) => set('community', e.target.value)}
              >
                {YES_NO.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.text}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <span className="code">В-И</span>
            <label htmlFor="intensity_score">Итого по блоку В: средний балл (0–4)</label>
            <div className="ctl">
              <input
                id="intensity_score"
                type="number"
                min={0}
                max={4}
                step="any"
                data-key="intensity_score"
                data-expect="r87"
                data-expect-value="2"
                value={s.intensity_score}
                onChange={(e) => set('intensity_score', e.target.value)}
              />
            </div>
          </div>
        </div>

        <div className="card">
          <h2>Г. Профессиональное развитие педагогов ШНОР</h2>
          <div className="field">
            <span className="code">Г-01</span>
            <label htmlFor="kpk">Педагоги прошли курсы повышения квалификации или профессиональную переподготовку</label>
            <div className="ctl">
              <label className="switch">
                <input
                  id="kpk"
                  type="checkbox"
                  data-key="kpk"
                  data-expect="r97"
                  data-expect-value="false"
                  checked={s.kpk}
                  onChange={(e) => set('kpk', e.target.checked)}
                />
                да
              </label>
            </div>
          </div>
        </div>

        <div className="actions">
          {savedAt && <span className="saved">Сохранено в {savedAt}</span>}
          <button type="button" className="btn ghost">
            Отмена
          </button>
          <button type="submit" className="btn primary">
            Сохранить и отправить
          </button>
        </div>
      </form>
    </>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
