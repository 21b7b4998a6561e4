// A date typed as Russian documents write it, ДД.ММ.ГГГГ, whatever the browser's own locale
// (a native date input shows MM/DD/YYYY in an English Chrome, which many schools have).
// Drop-in for <input type="date">: `value` and `onChange(e.target.value)` carry YYYY-MM-DD.
// Text that is not a date yet is passed on as typed, so the form's own check refuses it with
// its message instead of the field silently keeping an older date.
import { useState, type InputHTMLAttributes } from 'react';
import { formatRuDate, parseRuDate } from '../../lib/ru/date.ts';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string;
  onChange: (event: { target: { value: string } }) => void;
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Typed text → what the form receives: a date, nothing, or the text itself when not a date. */
export function dateFromText(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (ISO.test(trimmed)) return trimmed; // pasted from a spreadsheet or a URL
  return parseRuDate(trimmed.replace(/[/-]/g, '.')) ?? trimmed;
}

export function DateInput({ value, onChange, ...rest }: Props) {
  const [text, setText] = useState(() => (ISO.test(value) ? formatRuDate(value) : value));
  // A new value from outside (a date read from the period text, a reset) replaces the text.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (dateFromText(text) !== value) setText(ISO.test(value) ? formatRuDate(value) : value);
  }
  const parsed = dateFromText(text);
  const invalid = parsed !== '' && !ISO.test(parsed);
  return (
    <input
      type="text"
      inputMode="numeric"
      placeholder="ДД.ММ.ГГГГ"
      autoComplete="off"
      size={10}
      {...rest}
      aria-invalid={rest['aria-invalid'] ?? (invalid || undefined)}
      data-iso={ISO.test(parsed) ? parsed : undefined}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const next = dateFromText(e.target.value);
        setSeen(next);
        onChange({ target: { value: next } });
      }}
    />
  );
}
