// The edited analysis text back into the draft's shape for the .docx (pure). The text is what
// `analysisToText` wrote — blocks separated by blank lines; a block whose first line is a
// direction of the original draft (or «Итоги») starts a section; anything else is a paragraph
// of the part it stands in. The user may rewrite freely: nothing typed is dropped.
import type { AnalysisDraft } from '../../lib/export/analysis.ts';

export function textToDraft(text: string, directions: readonly string[]): AnalysisDraft {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  const known = new Set(directions);
  const draft: AnalysisDraft = { title: '', intro: [], sections: [], summary: [] };
  let part: 'intro' | 'section' | 'summary' = 'intro';
  for (const [i, block] of blocks.entries()) {
    const lines = block
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const head = lines[0]!;
    if (i === 0) {
      draft.title = head;
      draft.intro.push(...lines.slice(1));
      continue;
    }
    if (head === 'Итоги') {
      part = 'summary';
      draft.summary.push(...lines.slice(1));
    } else if (known.has(head)) {
      part = 'section';
      draft.sections.push({ direction: head, paragraphs: lines.slice(1) });
    } else if (part === 'summary') draft.summary.push(...lines);
    else if (part === 'section')
      draft.sections[draft.sections.length - 1]!.paragraphs.push(...lines);
    else draft.intro.push(...lines);
  }
  return draft;
}
