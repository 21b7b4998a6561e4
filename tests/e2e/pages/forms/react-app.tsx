// A form whose inputs are controlled by React: the page's truth is React state, exposed for the
// test on window.__reactState after every render.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    __reactState?: Record<string, unknown>;
    __submitted?: boolean;
  }
}

function App() {
  const [s, set] = useState({
    plan: 'нет',
    teachers: '',
    responsible: '',
    date: '',
    site: false,
    level: 'low',
    seminars: '',
  });
  useEffect(() => {
    window.__reactState = s;
  }, [s]);
  const up = (k: keyof typeof s) => (e: { target: { value: string } }) =>
    set((p) => ({ ...p, [k]: e.target.value }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        window.__submitted = true;
      }}
    >
      <div>
        <span id="plan-q">1. Наличие плана работы со школами с низкими результатами</span>
        <div role="radiogroup" aria-labelledby="plan-q">
          <label>
            <input
              type="radio"
              name="plan"
              value="наличие"
              checked={s.plan === 'наличие'}
              onChange={up('plan')}
            />
            наличие
          </label>
          <label>
            <input
              type="radio"
              name="plan"
              value="отсутствие"
              checked={s.plan === 'отсутствие'}
              onChange={up('plan')}
            />
            отсутствие
          </label>
        </div>
      </div>
      <input
        aria-label="2. Количество педагогов, прошедших повышение квалификации"
        name="teachers"
        type="number"
        value={s.teachers}
        onChange={up('teachers')}
      />
      <input
        placeholder="Ответственный за работу со ШНОР"
        name="responsible"
        value={s.responsible}
        onChange={up('responsible')}
      />
      <label>
        4. Дата утверждения дорожной карты{' '}
        <input type="date" name="date" value={s.date} onChange={up('date')} />
      </label>
      <label>
        <input
          type="checkbox"
          name="site"
          checked={s.site}
          onChange={(e) => set((p) => ({ ...p, site: e.target.checked }))}
        />{' '}
        5. Информация размещена на официальном сайте ОО
      </label>
      <label>
        6. Уровень реализации программы
        <select name="level" value={s.level} onChange={up('level')}>
          <option value="low">Низкий</option>
          <option value="mid">Средний</option>
          <option value="high">Высокий</option>
        </select>
      </label>
      <label>
        7. Количество методических семинаров{' '}
        <input name="seminars" value={s.seminars} onChange={up('seminars')} />
      </label>
      <button type="submit">Отправить</button>
    </form>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
