// A labelled form field with its Russian validation message beside it.
import { useId, type ReactElement, cloneElement } from 'react';

export function Field(props: {
  label: string;
  error?: string;
  hint?: string;
  className?: string;
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const control = cloneElement(props.children, {
    id,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': props.error ? errorId : undefined,
  });
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {control}
      {props.hint && !props.error && <span className="muted small">{props.hint}</span>}
      {props.error && (
        <span className="field-error" id={errorId} role="alert">
          {props.error}
        </span>
      )}
    </div>
  );
}

export interface Issue {
  path: string;
  message: string;
}

/** The issues of a ValidationError (duck-typed so the store module can load lazily). */
export function validationIssues(error: unknown): Issue[] | null {
  if (
    error &&
    typeof error === 'object' &&
    'issues' in error &&
    Array.isArray((error as { issues: unknown }).issues)
  )
    return (error as { issues: Issue[] }).issues;
  return null;
}

/** First message per top-level field: «period.raw» is shown beside the period field. */
export function issuesByField(issues: Issue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.split('.')[0] ?? '';
    out[key] ??= issue.message;
  }
  return out;
}
