import { Workbook, type Worksheet } from "exceljs";
import { detectTemplate, TEMPLATE_PROPERTY, TEMPLATE_VERSION_PROPERTY } from "../../core/detect";
import { cellText } from "../../core/model/sheet";
import { MONITORING_SHEETS } from "../../core/monitoring/sheets";
import { TemplateSchema, type Template } from "../../core/template/schema";
import { PLAN_STATUSES } from "../../core/template/planColumns";
import { BUILTIN_TEMPLATES, findTemplate } from "../../core/templates";
import {
  blankSheetNames,
  columnLetter,
  LISTS_SHEET,
  planColumnsInOrder,
  VALIDATED_ROWS,
  writeBlankTemplate,
} from "./blankTemplate";
import { PROPERTIES_SHEET, readWorkbook } from "./read";
import { templateReason } from "../../i18n/issueMessages";

interface LoadedValidation {
  type: string;
  formulae?: unknown[];
  operator?: string;
  allowBlank?: boolean;
  showErrorMessage?: boolean;
  error?: string;
  prompt?: string;
}

async function loadExcelJs(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  return wb;
}

/** The validation ExcelJS read for one cell (it expands ranges to cells). */
function validationAt(ws: Worksheet, address: string): LoadedValidation | undefined {
  const model = (ws as unknown as { dataValidations: { model: Record<string, LoadedValidation | undefined> } })
    .dataValidations.model;
  return model[address];
}

function sheet(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

function headerTexts(ws: Worksheet, row: number): string[] {
  const out: string[] = [];
  ws.getRow(row).eachCell((c) => out.push(String(c.value)));
  return out;
}

/** Column letter of the column titled `title` in header row `row`. */
function columnOf(ws: Worksheet, row: number, title: string): string {
  const i = headerTexts(ws, row).indexOf(title);
  if (i < 0) throw new Error(`no column «${title}» on «${ws.name}»`);
  return columnLetter(i + 1);
}

const blanks = new Map<string, Uint8Array>();
async function blank(t: Template): Promise<Uint8Array> {
  let b = blanks.get(t.id);
  if (!b) {
    b = await writeBlankTemplate(t);
    blanks.set(t.id, b);
  }
  return b;
}

const lazo = findTemplate("effektivnaya-shkola-2023")!;

describe("writeBlankTemplate", () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))(
    "%s: sheets, headers, recorded template, detection",
    async (id, t) => {
      const wb = await readWorkbook(await blank(t), `${id}.blank.xlsx`);
      expect(wb.sheets.map((s) => s.name)).toEqual([
        ...t.plans.map((p) => p.title),
        ...MONITORING_SHEETS.map((m) => m.name),
        PROPERTIES_SHEET,
      ]);
      expect(blankSheetNames(t)).toEqual(wb.sheets.filter((s) => !s.hidden).map((s) => s.name));

      for (const plan of t.plans) {
        const s = wb.sheets.find((x) => x.name === plan.title)!;
        expect(cellText(s.rows[0][0])).toBe(t.title);
        expect(s.merges?.[0]).toEqual({ top: 1, left: 1, bottom: 1, right: plan.columns.length });
        const header = s.rows[1].map(cellText);
        expect(header).toEqual(planColumnsInOrder(plan).map((c) => c.title));
        expect(header).toEqual(expect.arrayContaining(["Статус", "Дата выполнения", "Фактический результат"]));
        if (plan.layout)
          expect(header.slice(0, plan.layout.length)).toEqual(
            plan.layout.map((cid) => plan.columns.find((c) => c.id === cid)!.title),
          );
        expect(s.rows.length).toBe(2);
      }
      for (const m of t.monitoring) {
        const s = wb.sheets.find((x) => x.name === m.name)!;
        expect(s.rows.length).toBe(1);
        expect(s.rows[0].map(cellText)).toEqual(m.columns.map((c) => c.title));
      }

      const props = wb.sheets.find((s) => s.name === PROPERTIES_SHEET)!;
      expect(props.hidden).toBe("very");
      expect(wb.properties?.[TEMPLATE_PROPERTY]).toBe(id);
      expect(wb.properties?.[TEMPLATE_VERSION_PROPERTY]).toBe(t.version);

      const detection = detectTemplate(wb, BUILTIN_TEMPLATES);
      expect(detection.template.id).toBe(id);
      expect(detection.ambiguous).toBe(false);
      expect(templateReason(detection.reasonParams, "ru")).toContain(`в книге записан шаблон ${id}`);
    },
  );

  it("styles the header, freezes it and sets widths, creator and fixed dates", async () => {
    const wb = await loadExcelJs(await blank(lazo));
    expect(wb.creator).toBe("Сверка");
    expect(wb.created.toISOString()).toBe("2020-01-01T00:00:00.000Z");
    expect(wb.modified.toISOString()).toBe("2020-01-01T00:00:00.000Z");

    const plan = sheet(wb, "План-график");
    expect(plan.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    const h = plan.getRow(2).getCell(1);
    expect(h.value).toBe("№ п/п");
    expect(h.font?.bold).toBe(true);
    expect(h.alignment?.wrapText).toBe(true);
    expect(h.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(plan.getColumn(1).width).toBe(8);
    expect(plan.getColumn(3).width).toBe(60); // «Задачи»

    for (const m of MONITORING_SHEETS) {
      const ws = sheet(wb, m.name);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      m.columns.forEach((c, i) => expect(ws.getColumn(i + 1).width).toBe(c.width));
    }
    expect(sheet(wb, PROPERTIES_SHEET).state).toBe("veryHidden");
    expect(wb.getWorksheet(LISTS_SHEET)).toBeUndefined(); // the built-in lists fit inline
  });

  it("puts data validation on the data rows of each typed column", async () => {
    const wb = await loadExcelJs(await blank(lazo));
    const last = (headerRow: number) => headerRow + VALIDATED_ROWS;

    const schools = sheet(wb, "Школы");
    const shnor = columnOf(schools, 1, "ШНОР (да/нет)");
    for (const row of [2, 500, last(1)]) {
      expect(validationAt(schools, `${shnor}${row}`)).toMatchObject({ type: "list", formulae: ['"да,нет"'] });
    }
    expect(validationAt(schools, `${shnor}1`)).toBeUndefined();
    expect(validationAt(schools, `${shnor}${last(1) + 1}`)).toBeUndefined();
    expect(validationAt(schools, `${columnOf(schools, 1, "Уровень результатов")}2`)).toMatchObject({
      type: "list",
      formulae: ['"Сильно неуспевающие,Умеренно неуспевающие,Базово неуспевающие"'],
    });
    expect(validationAt(schools, "A2")).toBeUndefined(); // the registry's own names are free text

    const procedures = sheet(wb, "Процедуры");
    const participants = validationAt(procedures, `${columnOf(procedures, 1, "Участников")}2`);
    expect(participants).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
      formulae: [0],
      showErrorMessage: true,
    });
    expect(participants?.error).toMatch(/целое число/);
    expect(validationAt(procedures, `${columnOf(procedures, 1, "«2» / не преодолели порог")}2`)).toMatchObject({
      type: "whole",
      formulae: [0],
    });
    expect(validationAt(procedures, "A2")).toMatchObject({ type: "list", formulae: ["'Школы'!$A$2:$A$1001"] });
    expect(validationAt(procedures, `${columnOf(procedures, 1, "Год")}2`)).toMatchObject({
      type: "whole",
      operator: "between",
      formulae: [2000, 2100],
    });
    expect(validationAt(procedures, `${columnOf(procedures, 1, "Процедура")}2`)).toBeUndefined();

    const grades = sheet(wb, "Успеваемость");
    expect(validationAt(grades, `${columnOf(grades, 1, "Учебный год")}2`)?.prompt).toContain("2022/2023");

    const staff = sheet(wb, "Кадры");
    expect(validationAt(staff, `${columnOf(staff, 1, "Ставок")}2`)).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
    });

    const events = sheet(wb, "Мероприятия");
    expect(validationAt(events, `${columnOf(events, 1, "Дата")}2`)).toMatchObject({ type: "date" });
    expect(validationAt(events, `${columnOf(events, 1, "Уровень")}2`)).toMatchObject({
      type: "list",
      formulae: ['"муниципальный,региональный,школьный"'],
    });

    const plan = sheet(wb, "План-график");
    const status = validationAt(plan, `${columnOf(plan, 2, "Статус")}3`);
    expect(status).toMatchObject({ type: "list", formulae: [`"${PLAN_STATUSES.join(",")}"`] });
    expect(validationAt(plan, `${columnOf(plan, 2, "Статус")}2`)).toBeUndefined();
    expect(validationAt(plan, `${columnOf(plan, 2, "Дата выполнения")}${last(2)}`)).toMatchObject({ type: "date" });
    expect(validationAt(plan, `${columnOf(plan, 2, "Сроки реализации")}3`)).toBeUndefined();
  });

  it("moves a list longer than 255 characters to the hidden lists sheet", async () => {
    const levels = Array.from({ length: 30 }, (_, i) => `Уровень результатов номер ${i + 1}`);
    const t = TemplateSchema.parse({
      id: "long-lists",
      title: "Проект с длинным списком",
      period: { start: "2023-01-01", end: "2023-12-31" },
      monitoring: [
        {
          id: "schools",
          name: "Школы",
          columns: [
            { id: "school", title: "ОО", type: "school" },
            { id: "level", title: "Уровень", type: "level", values: levels },
            { id: "share", title: "Доля, %", type: "percent" },
          ],
        },
      ],
    });
    const wb = await loadExcelJs(await writeBlankTemplate(t));
    const lists = sheet(wb, LISTS_SHEET);
    expect(lists.state).toBe("veryHidden");
    expect(lists.getColumn(1).values.slice(1)).toEqual(levels);
    const ws = sheet(wb, "Школы");
    expect(validationAt(ws, "B2")).toMatchObject({ type: "list", formulae: [`'${LISTS_SHEET}'!$A$1:$A$30`] });
    expect(validationAt(ws, "C2")).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 100] });
  });

  it("is deterministic", async () => {
    const a = await writeBlankTemplate(lazo);
    const b = await writeBlankTemplate(lazo);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
