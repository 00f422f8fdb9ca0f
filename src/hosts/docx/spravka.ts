/**
 * The справка as a Word document (the `docx` package, 9.x): Times New Roman 14 for the text and 12
 * for the tables, A4 with the margins of Russian official documents (ГОСТ Р 7.0.97: left 30 mm,
 * right 15 mm, top and bottom 20 mm), the chart as an SVG picture with a PNG fallback. Works in
 * the browser too: no Node APIs (the bytes come from `Packer.toArrayBuffer`).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from "docx";
import { buildSpravka, type SpravkaInput } from "../../core/report/spravka/build";
import type {
  Align,
  Block,
  Chart,
  SpravkaDocument,
  Table as TableBlock,
  TableCell as CellBlock,
  Tone,
} from "../../core/report/spravka/types";
import { CHART_HEIGHT, CHART_WIDTH } from "./chartGeometry";
import { chartPng } from "./chartPng";
import { chartSvg } from "./chartSvg";

const FONT = "Times New Roman";
/** Sizes in half-points. */
const TEXT_SIZE = 28;
const TABLE_SIZE = 24;
const CAPTION_SIZE = 24;
/** A4 and the margins, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, left: 1701, right: 850, top: 1134, bottom: 1134 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** First-line indent: 1,25 cm. */
const INDENT = 709;
/** The picture's width on the page, in pixels at 96 dpi (the text is 6.5 in = 624 px wide). */
const PICTURE_WIDTH = 600;

const TONE_COLOR: Record<Tone, string | undefined> = { good: "006100", bad: "9C0006", neutral: undefined };
const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "808080" };

function paragraph(b: Extract<Block, { kind: "paragraph" }>): Paragraph {
  return new Paragraph({
    alignment: ALIGN[b.align ?? "justify"],
    indent:
      b.indent === true || (b.indent === undefined && (b.align ?? "justify") === "justify")
        ? { firstLine: INDENT }
        : undefined,
    spacing: { after: 120 },
    children: [new TextRun({ text: b.text, bold: b.bold, italics: b.italic })],
  });
}

function heading(b: Extract<Block, { kind: "heading" }>): Paragraph {
  return new Paragraph({
    heading: b.level === 1 ? HeadingLevel.TITLE : HeadingLevel.HEADING_1,
    alignment: b.level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: b.level === 1 ? 240 : 240, after: 120 },
    keepNext: true,
    children: [new TextRun({ text: b.text, bold: true, font: FONT, size: TEXT_SIZE, color: "000000" })],
  });
}

function cell(c: CellBlock, width: number, header: boolean, align: Align | undefined): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: c.span,
    shading:
      header || c.span ? { type: ShadingType.CLEAR, color: "auto", fill: header ? "D9E2F3" : "F2F2F2" } : undefined,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [
      new Paragraph({
        alignment: ALIGN[c.align ?? align ?? "left"],
        children: [
          new TextRun({
            text: c.text,
            bold: header || c.bold,
            size: TABLE_SIZE,
            color: c.tone ? TONE_COLOR[c.tone] : undefined,
          }),
        ],
      }),
    ],
  });
}

function table(b: TableBlock): Table {
  const widths = b.columns.map((c) => Math.round(c.width * TEXT_WIDTH));
  const spanWidth = (from: number, span: number) => widths.slice(from, from + span).reduce((s, w) => s + w, 0);
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: b.columns.map((c, i) => cell({ text: c.title, align: "center" }, widths[i], true, "center")),
    }),
    ...b.rows.map((r) => {
      let col = 0;
      return new TableRow({
        cantSplit: true,
        children: r.map((c) => {
          const span = c.span ?? 1;
          const out = cell(c, spanWidth(col, span), false, b.columns[col]?.align);
          col += span;
          return out;
        }),
      });
    }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows,
  });
}

function chart(b: Chart): Paragraph[] {
  const height = Math.round((PICTURE_WIDTH * CHART_HEIGHT) / CHART_WIDTH);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120 },
      keepNext: true,
      children: [
        new ImageRun({
          type: "svg",
          data: new TextEncoder().encode(chartSvg(b)),
          fallback: { type: "png", data: chartPng(b) },
          transformation: { width: PICTURE_WIDTH, height },
          altText: { name: b.id, title: b.title, description: b.caption },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [new TextRun({ text: b.caption, italics: true, size: CAPTION_SIZE })],
    }),
  ];
}

function render(b: Block): FileChild[] {
  switch (b.kind) {
    case "paragraph":
      return [paragraph(b)];
    case "heading":
      return [heading(b)];
    case "table":
      return [table(b), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case "chart":
      return chart(b);
  }
}

/** The Word document of a справка model. */
export async function renderSpravkaDocx(doc: SpravkaDocument): Promise<Uint8Array> {
  const file = new Document({
    creator: "Сверка",
    title: doc.title,
    description: doc.period,
    styles: {
      default: {
        // No exact line spacing: LibreOffice reads a bare `w:line` as an exact height and clips pictures to it.
        document: { run: { font: FONT, size: TEXT_SIZE } },
        title: { run: { font: FONT, size: TEXT_SIZE, bold: true, color: "000000" } },
        heading1: { run: { font: FONT, size: TEXT_SIZE, bold: true, color: "000000" } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { left: PAGE.left, right: PAGE.right, top: PAGE.top, bottom: PAGE.bottom },
          },
        },
        children: doc.blocks.flatMap(render),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}

/**
 * The справка of a checked workbook as `.docx` bytes: the model (`buildSpravka`) rendered by
 * `renderSpravkaDocx`. The pane, the standalone page and `sverka report` call this.
 */
export async function buildSpravkaDocx(input: SpravkaInput): Promise<Uint8Array> {
  return renderSpravkaDocx(buildSpravka(input));
}
