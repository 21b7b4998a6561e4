// The analysis draft as a real Word document (the `docx` package writes OOXML in Node and the
// browser alike): title, a heading per direction, justified paragraphs with a first-line indent
// in Times New Roman 14, the way municipal analytical notes are typed.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { AnalysisDraft } from './analysis.ts';

const FONT = 'Times New Roman';
const SIZE = 28; // half-points: 14 pt

function body(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 709 }, // 1.25 cm
    spacing: { after: 120, line: 276 },
    children: [new TextRun({ text, font: FONT, size: SIZE })],
  });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({
    heading: level,
    alignment: level === HeadingLevel.TITLE ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, font: FONT, size: SIZE, bold: true, color: '000000' })],
  });
}

export async function exportAnalysisDocx(draft: AnalysisDraft): Promise<Uint8Array> {
  const children: Paragraph[] = [heading(draft.title, HeadingLevel.TITLE)];
  for (const p of draft.intro) children.push(body(p));
  for (const section of draft.sections) {
    children.push(heading(section.direction, HeadingLevel.HEADING_2));
    for (const p of section.paragraphs) children.push(body(p));
  }
  if (draft.summary.length) {
    children.push(heading('Итоги', HeadingLevel.HEADING_2));
    for (const p of draft.summary) children.push(body(p));
  }
  const document = new Document({
    creator: 'Сводка',
    title: draft.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
