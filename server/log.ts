// Structured logs: one JSON object per line. Callers pass only safe fields (never tokens, secrets
// or document contents); `redact` is a last line of defence for keys that look secret.
export type LogSink = (line: string) => void;
export type Logger = (event: string, fields?: Record<string, unknown>) => void;

const SECRET_KEY = /token|secret|password|authorization/i;

export function createLogger(sink: LogSink = (line) => process.stdout.write(line + '\n')): Logger {
  return (event, fields = {}) => {
    const safe: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) safe[k] = SECRET_KEY.test(k) ? '[redacted]' : v;
    sink(JSON.stringify({ t: new Date().toISOString(), event, ...safe }));
  };
}
