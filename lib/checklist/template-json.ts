// A template stored or shared as JSON: parsed at the trust boundary, refused in the interface
// language.
import { refuseChecklist } from './errors.ts';
import { t as msg } from './import-messages.ts';
import { templateSchema, type Template } from './schema.ts';

export function parseTemplateJson(text: string, fileName = 'шаблон.json'): Template {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw refuseChecklist(msg('notJson', fileName));
  }
  const parsed = templateSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : null;
    throw refuseChecklist(msg('notTemplate', fileName, issue?.message, field));
  }
  return parsed.data;
}
