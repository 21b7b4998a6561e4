// What autofill works on: page fields described as plain data (so matching is pure and runs in
// Node), the indicators of the active filling as a plain list (so we do not depend on
// lib/checklist's internals), and the pairs the user confirms.
import { z } from 'zod';

export const fieldControlSchema = z.enum([
  'text',
  'textarea',
  'number',
  'date',
  'radio',
  'checkbox',
  'select',
]);
export type FieldControl = z.infer<typeof fieldControlSchema>;

export const fieldOptionSchema = z.object({
  label: z.string().max(500),
  value: z.string().max(500),
});
export type FieldOption = z.infer<typeof fieldOptionSchema>;

export const fieldDescriptorSchema = z.object({
  /** Stable within the form and across visits: the name, the id, or the label's text. */
  key: z.string().min(1).max(600),
  control: fieldControlSchema,
  /** The best label: <label>, aria-labelledby, aria-label, a question's heading, a table row. */
  label: z.string().max(2000),
  /** Weaker texts: placeholder, name, title, nearby text. */
  hints: z.array(z.string().max(2000)),
  /** For radio groups and selects, in page order. */
  options: z.array(fieldOptionSchema),
  /** '' for the top document, else where the frame is («iframe 1»). */
  frame: z.string().max(100),
  /** Where the field sits: the section heading, the fieldset's legend, a table's sub-heading row. */
  context: z.array(z.string().max(2000)).max(4).optional(),
});
export type FieldDescriptor = z.infer<typeof fieldDescriptorSchema>;

export const indicatorValueSchema = z.union([
  z.string().max(20000),
  z.number(),
  z.boolean(),
  z.null(),
]);
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

/** One indicator of the active filling with its answer: the input of autofill. */
export const indicatorInputSchema = z.object({
  indicatorId: z.string().min(1).max(64),
  /** As numbered in the template: «1.», «2.3». */
  number: z.string().max(20),
  text: z.string().max(4000),
  /** The checklist's kind («presence», «count», «score», «text», «date» …); free so we follow it. */
  kind: z.string().max(40),
  value: indicatorValueSchema,
  /** Where it sits in the form: its section's title, its group's text. */
  context: z.array(z.string().max(1000)).max(4).optional(),
});
export type IndicatorInput = z.infer<typeof indicatorInputSchema>;

/**
 * The user's own details, set in «Настройки»: the only source for fields about the person
 * (ФИО, должность, телефон, e-mail). Never taken from indicators.
 */
export const autofillProfileSchema = z.object({
  name: z.string().max(200).optional(),
  position: z.string().max(200).optional(),
  phone: z.string().max(60).optional(),
  email: z.string().max(200).optional(),
});
export type AutofillProfile = z.infer<typeof autofillProfileSchema>;

/** A proposed or confirmed field → indicator pair. */
export interface Pairing {
  fieldKey: string;
  indicatorId: string;
  /** 0..1; 1 for a pair remembered from an earlier confirmed fill of the same form. */
  confidence: number;
  source: 'remembered' | 'matched';
  /** Filled by «Заполнить» unless the user unticks it; an unticked pair says why in `reason`. */
  ticked: boolean;
  reason: string | null;
}

/**
 * Pairs confirmed on a form, shared with the team (a 'formPairings' collection in the
 * workspace's Y.Doc), so the next school that opens the same regional form gets it filled exactly.
 */
export const formPairingSchema = z.object({
  id: z.string().min(1).max(64),
  /** https://forms.example.ru */
  origin: z.string().min(1).max(300),
  /** The form's identity on that origin: path plus a fingerprint of its fields. */
  formKey: z.string().min(1).max(600),
  pairs: z
    .array(
      z.object({
        fieldKey: z.string().min(1).max(600),
        indicatorId: z.string().min(1).max(64),
        /** Kept so a pair still makes sense with another template version. */
        indicatorNumber: z.string().max(20),
        indicatorText: z.string().max(4000),
      }),
    )
    .max(2000),
  createdAt: z.string().datetime({ offset: true }),
  updatedAt: z.string().datetime({ offset: true }),
  updatedBy: z.string().max(200).optional(),
});
export type FormPairing = z.infer<typeof formPairingSchema>;

/** The record id for a form: one record per (origin, form), so teammates' confirmations merge. */
export function formPairingId(origin: string, formKey: string): string {
  return 'fp-' + fnv1a(origin + '\n' + formKey);
}

/** 32-bit FNV-1a as 8 hex digits: a short, stable fingerprint (not a security hash). */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A form's identity: its path and a fingerprint of its fields' keys (order-independent). */
export function formKeyOf(pathname: string, fields: readonly FieldDescriptor[]): string {
  const keys = fields.map((f) => f.key).sort();
  return `${pathname}#${fnv1a(keys.join('\u0001'))}`;
}
