// The user's own details for fields about the person on web forms (ФИО, должность, телефон,
// e-mail): kept on this device in extension storage (WXT's storage item, versioned), never in the
// workspace — teammates share the register, not each other's phone numbers.
import { storage } from 'wxt/utils/storage';
import { autofillProfileSchema, type AutofillProfile } from '../../lib/autofill/types.ts';

export const autofillProfileItem = storage.defineItem<AutofillProfile>('local:autofill.profile', {
  fallback: {},
  version: 1,
});

/** The stored profile, or an empty one when it is missing or malformed. */
export async function readAutofillProfile(): Promise<AutofillProfile> {
  const parsed = autofillProfileSchema.safeParse(await autofillProfileItem.getValue());
  return parsed.success ? parsed.data : {};
}
