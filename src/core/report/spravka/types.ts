/**
 * The справка as data: headings, paragraphs, tables and a chart description. A host renders it
 * (`src/hosts/docx/` writes a Word document); the core never touches a file format.
 */

export type Align = "left" | "center" | "right" | "justify";

/** Whether a figure is good news, bad news, or neither (renderers may colour it). */
export type Tone = "good" | "bad" | "neutral";

export interface Paragraph {
  kind: "paragraph";
  text: string;
  align?: Align;
  bold?: boolean;
  italic?: boolean;
  /** First-line indent, as in official Russian documents (default true for body text). */
  indent?: boolean;
}

export interface Heading {
  kind: "heading";
  /** 1: the document's title; 2: a numbered section («1. Проверка представленных данных»). */
  level: 1 | 2;
  text: string;
}

export interface TableCell {
  text: string;
  tone?: Tone;
  bold?: boolean;
  align?: Align;
  /** Columns this cell spans (a group row across the table). */
  span?: number;
}

export interface Table {
  kind: "table";
  /** Column titles and relative widths (shares of the text width, summing to 1). */
  columns: { title: string; width: number; align?: Align }[];
  rows: TableCell[][];
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  /** RGB hex without «#», e.g. `C0504D`. */
  color: string;
  /** Drawn as a line over the columns (a target). */
  asLine?: boolean;
}

/** A column chart with an optional target line, drawn by the renderer as a picture. */
export interface Chart {
  kind: "chart";
  id: string;
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** Unit of the values («%»): labels read «34,5 %». */
  unit: string;
  /** Value axis maximum (e.g. 100 for percentages when the data come near it); absent = from the data. */
  axisMax?: number;
  /** The caption under the picture (also its text alternative). */
  caption: string;
}

export type Block = Paragraph | Heading | Table | Chart;

export interface SpravkaDocument {
  /** The organisation in the header (УО / ИМЦ). */
  organisation: string;
  title: string;
  /** «Период реализации проекта: …». */
  period: string;
  /** The date the справка is dated, «06.12.2026». */
  date: string;
  blocks: Block[];
  /** The figures the text states, for tests and callers. */
  facts: {
    errors: number;
    warnings: number;
    infos: number;
    targetsMet: number;
    targetsAssessed: number;
    shnorYear: number | null;
    shnorSchools: string[];
  };
}
