// «Правила команды»: the rules the team taught by confirming values with their evidence. Each says
// what it was learned on and what it looks for; its words can be edited and it can be deleted.
// They are shared records: a change here reaches every teammate's next form.
import { useState } from 'react';
import { learnedRuleSchema, type LearnedRule } from '../../lib/checklist/learned.ts';
import { describeNeed, type Rule } from '../../lib/checklist/rules.ts';
import type { Repository, Snapshot } from '../../lib/store/repository.ts';
import { errorMessage } from '../common/format.ts';
import { formatMoment, formatValue } from './model.ts';
import { t } from './messages.ts';

/** The phrases a rule looks for, as one editable line. */
function phrasesOf(rule: Rule): string[] {
  if (rule.type === 'presence') return rule.match.anyStems ?? [];
  if (rule.type === 'manual') return [];
  return rule.activityMatch?.anyStems ?? [];
}

function withPhrases(rule: Rule, phrases: string[]): Rule {
  if (rule.type === 'presence') return { ...rule, match: { ...rule.match, anyStems: phrases } };
  if (rule.type === 'manual') return rule;
  return { ...rule, activityMatch: { ...rule.activityMatch, anyStems: phrases } };
}

export function LearnedRules(props: { repo: Repository; snapshot: Snapshot }) {
  const rules = (props.snapshot.extra.learnedRules ?? []) as LearnedRule[];
  return (
    <div className="card stack" data-testid="learned-rules">
      <h2>{t('learnedTitle')}</h2>
      {rules.length === 0 ? (
        <p className="muted small">{t('learnedNone')}</p>
      ) : (
        <ul className="stack">
          {rules.map((r) => (
            <RuleItem key={r.id} rule={r} repo={props.repo} />
          ))}
        </ul>
      )}
    </div>
  );
}

function RuleItem(props: { rule: LearnedRule; repo: Repository }) {
  const { rule } = props;
  const [words, setWords] = useState(phrasesOf(rule.rule).join('; '));
  const [status, setStatus] = useState<string | null>(null);
  const readOnly = props.repo.readOnlyReason !== null;
  function save() {
    setStatus(null);
    const phrases = words
      .split(';')
      .map((w) => w.trim())
      .filter(Boolean);
    if (phrases.length === 0) return setStatus(t('learnedNeedWords'));
    try {
      props.repo.put(
        'learnedRules',
        learnedRuleSchema.parse({ ...rule, rule: withPhrases(rule.rule, phrases) }),
      );
      setStatus(t('learnedSaved'));
    } catch (e) {
      setStatus(errorMessage(e));
    }
  }
  return (
    <li className="stack small" data-testid="learned-rule">
      <b>{rule.indicatorText}</b>
      <span className="muted">
        {t('learnedFrom', {
          form: rule.templateTitle,
          value: formatValue(rule.value),
          by: rule.by,
          at: formatMoment(rule.at),
        })}
      </span>
      <span>{describeNeed(rule.rule)}</span>
      {!readOnly && (
        <div className="row">
          <label className="grow">
            {t('learnedWords')}{' '}
            <input value={words} onChange={(e) => setWords(e.target.value)} size={40} />
          </label>
          <button type="button" className="small" onClick={save}>
            {t('learnedSave')}
          </button>
          <button
            type="button"
            className="small"
            onClick={() => {
              try {
                props.repo.remove('learnedRules', rule.id);
              } catch (e) {
                setStatus(errorMessage(e));
              }
            }}
          >
            {t('learnedDelete')}
          </button>
        </div>
      )}
      {status && <span role="status">{status}</span>}
    </li>
  );
}
