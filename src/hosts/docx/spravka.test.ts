/**
 * The справка's Word document on the Lazo monitoring sample: the package opens (fflate), its text
 * carries the sections and the figures, Times New Roman 14 with tables in 12, and the chart is an
 * SVG picture with a PNG fallback.
 */
import { strFromU8, unzipSync } from "fflate";
import { sample as lazo } from "../../../samples/monitoring/lazo-monitoring";
import { sampleToWorkbook } from "../../../samples/toWorkbook";
import { computeIndicators } from "../../core/indicators/engine";
import { BUILTIN_TEMPLATES } from "../../core/templates";
import { validateWorkbook } from "../../core/validate";
import type { Chart } from "../../core/report/spravka/types";
import { chartPng } from "./chartPng";
import { chartSvg } from "./chartSvg";
import { buildSpravkaDocx } from "./spravka";
import { docxParagraphs } from "./testing/docxText";

const chart: Chart = {
  kind: "chart",
  id: "shnor_share_by_year",
  title: "Доля ШНОР по годам, %",
  categories: ["2020", "2021", "2022"],
  series: [
    { name: "Доля ШНОР", values: [34.48, 27.59, 34.48], color: "C0504D" },
    { name: "Цель", values: [20, 20, 20], color: "1F3864", asLine: true },
  ],
  unit: "%",
  caption: "Рисунок 1.",
};

describe("the справка chart", () => {
  it("draws an SVG with the figures, the years and a dashed target line", () => {
    const svg = chartSvg(chart);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const t of ["34,5 %", "27,6 %", "2020", "2022", "Доля ШНОР по годам, %", "Цель"])
      expect(svg).toContain(`>${t}<`);
    expect(svg.match(/<rect [^>]*fill="#C0504D"/g)).toHaveLength(4); // three columns and the legend swatch
    expect(svg).toMatch(/<polyline [^>]*stroke="#1F3864"[^>]*stroke-dasharray/);
  });

  it("rasterises a valid PNG of twice the size, with the columns' colour in it", () => {
    const png = chartPng(chart);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1280, 720]);
    expect(strFromU8(png.subarray(png.length - 8, png.length - 4))).toBe("IEND");
  });
});

describe("buildSpravkaDocx on the Lazo monitoring sample", () => {
  let files: Record<string, Uint8Array>;
  let paragraphs: string[];
  let xml: string;

  beforeAll(async () => {
    const asOf = "2023-12-31";
    const check = validateWorkbook(sampleToWorkbook(lazo), { templates: BUILTIN_TEMPLATES, asOf });
    const indicators = computeIndicators(check.template, check.monitoring, { asOf, plans: check.plans });
    const bytes = await buildSpravkaDocx({
      template: check.template,
      report: check.report,
      indicators,
      monitoring: check.monitoring,
      asOf,
      date: "2024-01-15",
    });
    files = unzipSync(bytes);
    xml = strFromU8(files["word/document.xml"]);
    paragraphs = docxParagraphs(bytes);
  });

  it("reads as the справка: header, the four sections, the verdict and the ШНОР shares 27,6 % and 34,5 %", () => {
    expect(paragraphs.slice(0, 4)).toEqual([
      "Управление образования администрации муниципального района имени Лазо Хабаровского края",
      "Аналитическая справка по итогам мониторинга реализации муниципального проекта «Эффективная школа»",
      "Период реализации проекта: 01.01.2023 – 31.12.2024. Отчётная дата: 31.12.2023.",
      "15.01.2024",
    ]);
    for (const h of [
      "1. Проверка представленных данных",
      "2. Достижение целевых показателей",
      "3. Школы с низкими образовательными результатами",
      "4. Выводы",
    ])
      expect(paragraphs).toContain(h);
    expect(paragraphs).toContain("Итог форматно-логического контроля (ФЛК): Ошибок: 12, предупреждений: 3.");
    expect(paragraphs).toContain("27,6 % (2021)");
    expect(paragraphs).toContain("34,5 % (2022)");
    expect(paragraphs).toContain("+6,9 п.п.");
    expect(paragraphs).toContain(
      "2. Доля ШНОР выросла на 6,9 п.п. (с 27,6 % в 2021 г. до 34,5 % в 2022 г.) и превышает целевое значение 20 %.",
    );
    expect(paragraphs).toContain("МБОУ СОШ № 2 р.п. Хор");
  });

  it("sets Times New Roman 14 for the text and 12 in the tables", () => {
    const styles = strFromU8(files["word/styles.xml"]);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"[\s\S]*<w:sz w:val="28"\/>/);
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(3);
    for (const t of tables)
      expect(new Set([...t.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => m[1]))).toEqual(new Set(["24"]));
    // A4 portrait with the margins of official documents.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar [^>]*w:left="1701"/);
  });

  it("embeds the chart as an SVG picture with a PNG fallback", () => {
    const media = Object.keys(files).filter((f) => f.startsWith("word/media/"));
    expect(media.map((f) => f.replace(/^.*\./, "")).sort()).toEqual(["png", "svg"]);
    const svg = strFromU8(files[media.find((f) => f.endsWith(".svg"))!]);
    expect(svg).toContain(">27,6 %<");
    expect(svg).toContain(">34,5 %<");
    expect(xml).toContain("asvg:svgBlip");
    expect(xml).toContain('title="Доля ШНОР по годам, %"');
  });
});
