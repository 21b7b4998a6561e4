/** A form the importer refuses: the message is Russian and says that nothing was changed. */
export class ChecklistImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChecklistImportError';
  }
}

export const NOTHING_CHANGED = 'Ничего не изменено.';

export function refuseChecklist(message: string): ChecklistImportError {
  return new ChecklistImportError(`${message} ${NOTHING_CHANGED}`);
}
