/** A file or a pasted table the importer refuses; the message is Russian and says nothing was changed. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Every refusal ends the same way: the user must know the register is untouched. */
export const NOTHING_CHANGED = 'Ничего не импортировано, реестр не изменён.';

export function refuse(message: string): ImportError {
  return new ImportError(`${message} ${NOTHING_CHANGED}`);
}
