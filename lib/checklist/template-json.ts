// A template stored or shared as JSON: parsed at the trust boundary, refused in Russian.
import { refuseChecklist } from './errors.ts';
import { templateSchema, type Template } from './schema.ts';

export function parseTemplateJson(text: string, fileName = 'шаблон.json'): Template {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw refuseChecklist(`Файл «${fileName}» не является JSON: шаблон не прочитан.`);
  }
  const parsed = templateSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (поле ${issue.path.join('.')})` : '';
    throw refuseChecklist(
      `Файл «${fileName}» не похож на шаблон мониторинга: ${issue?.message ?? 'неверный формат'}${where}.`,
    );
  }
  return parsed.data;
}
