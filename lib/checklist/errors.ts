import { t as msg } from './import-messages.ts';

/** A form the importer refuses: the message (interface language) says that nothing was changed. */
export class ChecklistImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChecklistImportError';
  }
}

/** Every refusal ends the same way, in the interface language at the moment it is raised. */
export function refuseChecklist(message: string): ChecklistImportError {
  return new ChecklistImportError(`${message} ${msg('nothingChanged')}`);
}
