import { t } from './messages.ts';

/** A file or a pasted table the importer refuses; the message (interface language) says nothing was changed. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Every refusal ends the same way: the user must know the register is untouched. */
export function refuse(message: string): ImportError {
  return new ImportError(`${message} ${t('nothingImported')}`);
}
