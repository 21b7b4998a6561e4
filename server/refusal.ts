// What a hook throws to refuse a client. Hocuspocus prints the `message` of every error a hook
// throws to stderr (Hocuspocus.hooks), so the message stays empty: the server has already
// written its own JSON log line, and `reason` is what the client receives.
export class Refusal extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super('');
    this.reason = reason;
  }
}

/** Close code for a frame that does not decode (4400: the 4xxx range is the application's). */
export const INVALID_UPDATE_CODE = 4400;
