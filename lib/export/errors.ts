/** An export refused for a reason the user can act on; the message is Russian and complete. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
}
