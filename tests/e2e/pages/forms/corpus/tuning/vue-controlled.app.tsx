// A municipal monitoring form built as a Vue 3 app with render functions: each control's value is
// bound from a ref and written back on 'input' / 'change' (what v-model compiles to).
// __formState reports the refs.
import { createApp, h, ref, type Ref } from 'vue';

type Option = { value: string; text: string };

const YES_NO: Option[] = [
  { value: 'Y', text: 'Да' },
  { value: 'N', text: 'Нет' },
];
const YES_NO_SELECT: Option[] = [{ value: '', text: 'Выберите…' }, ...YES_NO];

const page = window as Window & {
  __formState?: () => Record<string, string>;
  __submitted?: boolean;
};
page.__submitted = false;

const App = {
  setup() {
    const municipality = ref('');
    const roadmapTargeted = ref('');
    const cyclicEvents = ref('');
    const schoolsInEvents = ref('');
    const schoolsInNetwork = ref('');
    const schoolsHelped = ref('');
    const biasedVpr = ref('');
    const mentorPlatform = ref('');
    const teamActivity = ref('');
    const mentorIntensity = ref('');
    const executor = ref('');

    const choiceText = (opts: Option[], v: string) =>
      v === '' ? '' : (opts.find((o) => o.value === v)?.text ?? '');

    page.__formState = () => ({
      municipality: municipality.value,
      'roadmap-targeted': choiceText(YES_NO, roadmapTargeted.value),
      'cyclic-events': choiceText(YES_NO, cyclicEvents.value),
      'schools-in-events': schoolsInEvents.value,
      'schools-in-network': schoolsInNetwork.value,
      'schools-helped': schoolsHelped.value,
      'biased-vpr': biasedVpr.value,
      'mentor-platform': choiceText(YES_NO_SELECT, mentorPlatform.value),
      'team-activity': choiceText(YES_NO_SELECT, teamActivity.value),
      'mentor-intensity': mentorIntensity.value,
      executor: executor.value,
    });

    const textField = (
      id: string,
      label: string,
      model: Ref<string>,
      attrs: Record<string, string>,
      short = false,
    ) =>
      h('div', { class: 'v-field' }, [
        h('label', { class: 'v-label', for: id }, label),
        h('input', {
          id,
          type: 'text',
          class: short ? 'v-input v-input--short' : 'v-input',
          ...attrs,
          value: model.value,
          onInput: (e: Event) => {
            model.value = (e.target as HTMLInputElement).value;
          },
        }),
      ]);

    const radioField = (
      name: string,
      label: string,
      model: Ref<string>,
      attrs: Record<string, string>,
    ) =>
      h('div', { class: 'v-field' }, [
        h('span', { class: 'v-label', id: `${name}-label` }, label),
        h(
          'div',
          {
            class: 'v-radio-group',
            role: 'radiogroup',
            'aria-labelledby': `${name}-label`,
            ...attrs,
          },
          YES_NO.map((o) =>
            h('label', { key: o.value }, [
              h('input', {
                type: 'radio',
                name,
                value: o.value,
                checked: model.value === o.value,
                onChange: (e: Event) => {
                  model.value = (e.target as HTMLInputElement).value;
                },
              }),
              ` ${o.text}`,
            ]),
          ),
        ),
      ]);

    const selectField = (
      id: string,
      label: string,
      model: Ref<string>,
      attrs: Record<string, string>,
    ) =>
      h('div', { class: 'v-field' }, [
        h('label', { class: 'v-label', for: id }, label),
        h(
          'select',
          {
            id,
            class: 'v-input v-input--short',
            ...attrs,
            value: model.value,
            onChange: (e: Event) => {
              model.value = (e.target as HTMLSelectElement).value;
            },
          },
          YES_NO_SELECT.map((o) => h('option', { key: o.value, value: o.value }, o.text)),
        ),
      ]);

    return () =>
      h(
        'form',
        {
          onSubmit: (e: Event) => {
            e.preventDefault();
            page.__submitted = true;
          },
        },
        [
          h('div', { class: 'v-app-bar' }, 'АИС «Мониторинг» · Управление образования'),
          h('div', { class: 'v-container' }, [
            h('div', { class: 'v-card' }, [
              h('div', { class: 'v-card__title' }, 'Общие сведения'),
              textField('municipality', 'Муниципальное образование', municipality, {
                'data-key': 'municipality',
                'data-expect': 'none',
              }),
            ]),
            h('div', { class: 'v-card' }, [
              h(
                'div',
                { class: 'v-card__title' },
                'Планирование и организация методической помощи школам с низкими результатами обучения (ШНОР)',
              ),
              radioField(
                'roadmap-targeted',
                'В Дорожную карту (опубликована на сайте управления образования в разделе ШНОР) включены адресные мероприятия для отдельных групп школ, педагогов и руководителей',
                roadmapTargeted,
                { 'data-key': 'roadmap-targeted', 'data-expect': 'r8', 'data-expect-value': 'Нет' },
              ),
              radioField(
                'cyclic-events',
                'Для ШНОР проводятся циклические (регулярно повторяющиеся) муниципальные мероприятия, сведения о которых размещены в разделе ШНОР на сайте УО',
                cyclicEvents,
                { 'data-key': 'cyclic-events', 'data-expect': 'r10', 'data-expect-value': 'Нет' },
              ),
              textField(
                'schools-in-events',
                'Сколько ШНОР приняли участие в муниципальных методических мероприятиях для таких школ (по сведениям раздела ШНОР на сайте УО)',
                schoolsInEvents,
                { 'data-key': 'schools-in-events', 'data-expect': 'r14', 'data-expect-value': '0' },
                true,
              ),
              textField(
                'schools-in-network',
                'Число ШНОР, включённых в сетевое взаимодействие со школами-лидерами (по муниципальным документам и/или договорам о сетевом взаимодействии)',
                schoolsInNetwork,
                {
                  'data-key': 'schools-in-network',
                  'data-expect': 'r16',
                  'data-expect-value': '0',
                },
                true,
              ),
              textField(
                'schools-helped',
                'Количество школ с низкими результатами обучения, получивших адресную методическую помощь',
                schoolsHelped,
                { 'data-key': 'schools-helped', 'data-expect': 'r17', 'data-expect-value': '13' },
                true,
              ),
              textField(
                'biased-vpr',
                'Количество ОО муниципалитета, включённых в перечень школ с признаками необъективности результатов ВПР',
                biasedVpr,
                { 'data-key': 'biased-vpr', 'data-expect': 'none' },
                true,
              ),
            ]),
            h('div', { class: 'v-card' }, [
              h('div', { class: 'v-card__title' }, 'Муниципальный наставнический центр (МНЦ)'),
              selectField(
                'mentor-platform',
                'Есть площадка для оперативного обмена сообщениями и данными между наставниками и управленческими командами (страница сайта, группа ВКонтакте, мессенджер, e-mail)',
                mentorPlatform,
                { 'data-key': 'mentor-platform', 'data-expect': 'r27', 'data-expect-value': 'Нет' },
              ),
              selectField(
                'team-activity',
                'Управленческая команда школы проявляет высокую активность, сама инициируя взаимодействие с наставником',
                teamActivity,
                { 'data-key': 'team-activity', 'data-expect': 'r36' },
              ),
              textField(
                'mentor-intensity',
                'Интенсивность наставнического взаимодействия: средний балл (от 0 до 5)',
                mentorIntensity,
                { 'data-key': 'mentor-intensity', 'data-expect': 'r37', 'data-expect-value': '0' },
                true,
              ),
            ]),
            h('div', { class: 'v-card' }, [
              textField('executor', 'Ответственный исполнитель (ФИО)', executor, {
                'data-key': 'executor',
                'data-expect': 'none',
              }),
              h('button', { type: 'submit', class: 'v-btn' }, 'Сохранить'),
            ]),
          ]),
        ],
      );
  },
};

createApp(App).mount('#app');
