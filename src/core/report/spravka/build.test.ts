/**
 * The справка model on the Lazo monitoring sample (seed 003): the verdict and the issues by rule,
 * the targets table with Russian numbers, the ШНОР list of 2022 with reasons, the conclusions and
 * the chart of the ШНОР share against its target.
 */
import { sample as lazo } from "../../../../samples/monitoring/lazo-monitoring";
import { sampleToWorkbook } from "../../../../samples/toWorkbook";
import { computeIndicators } from "../../indicators/engine";
import { BUILTIN_TEMPLATES } from "../../templates";
import { validateWorkbook } from "../../validate";
import { buildSpravka, projectName } from "./build";
import { plural, ruDelta, ruValue } from "./format";
import type { Block, Chart, Table } from "./types";

const AS_OF = "2023-12-31";

function lazoSpravka(edit?: (report: ReturnType<typeof validateWorkbook>["report"]) => void) {
  const check = validateWorkbook(sampleToWorkbook(lazo), { templates: BUILTIN_TEMPLATES, asOf: AS_OF });
  edit?.(check.report);
  const indicators = computeIndicators(check.template, check.monitoring, { asOf: AS_OF, plans: check.plans });
  return buildSpravka({
    template: check.template,
    report: check.report,
    indicators,
    monitoring: check.monitoring,
    asOf: AS_OF,
    date: "2024-01-15",
  });
}

const texts = (blocks: readonly Block[]) =>
  blocks.flatMap((b) =>
    b.kind === "table" ? b.rows.flatMap((r) => r.map((c) => c.text)) : b.kind === "chart" ? [b.caption] : [b.text],
  );

function section(blocks: readonly Block[], n: number): Block[] {
  const start = blocks.findIndex((b) => b.kind === "heading" && b.text.startsWith(`${n}. `));
  const end = blocks.findIndex((b, i) => i > start && b.kind === "heading");
  expect(start).toBeGreaterThan(0);
  return blocks.slice(start, end < 0 ? undefined : end);
}

describe("Russian number formatting", () => {
  it("writes decimal commas, п.п. and a true minus", () => {
    expect(ruValue(34.48275862068966, "%")).toBe("34,5 %");
    expect(ruValue(-45, "чел.")).toBe("−45 чел.");
    expect(ruDelta(6.896551724137936, "%")).toBe("+6,9 п.п.");
    expect(ruDelta(-0.5581573519776057, "%")).toBe("−0,6 п.п.");
    expect(ruDelta(0.01, "%")).toBe("0,0 п.п.");
    expect(ruDelta(3, "чел.")).toBe("+3 чел.");
    expect([1, 2, 5, 11, 21, 22].map((n) => plural(n, "школа", "школы", "школ"))).toEqual([
      "1 школа",
      "2 школы",
      "5 школ",
      "11 школ",
      "21 школа",
      "22 школы",
    ]);
  });
});

describe("buildSpravka on the Lazo monitoring sample", () => {
  const doc = lazoSpravka();

  it("heads the document with the organisation, the title with the project's name, the period and the date", () => {
    expect(doc.organisation).toBe(
      "Управление образования администрации муниципального района имени Лазо Хабаровского края",
    );
    expect(doc.title).toBe(
      "Аналитическая справка по итогам мониторинга реализации муниципального проекта «Эффективная школа»",
    );
    expect(doc.period).toBe("Период реализации проекта: 01.01.2023 – 31.12.2024. Отчётная дата: 31.12.2023.");
    expect(doc.date).toBe("15.01.2024");
    expect(doc.blocks.slice(0, 4).map((b) => (b.kind === "chart" || b.kind === "table" ? "" : b.text))).toEqual([
      doc.organisation,
      doc.title,
      doc.period,
      doc.date,
    ]);
  });

  it("1. states the verdict and groups the issues by rule with counts and first locations", () => {
    const s = section(doc.blocks, 1);
    expect(texts(s)).toContain("Итог форматно-логического контроля (ФЛК): Ошибок: 12, предупреждений: 3.");
    const table = s.find((b): b is Table => b.kind === "table")!;
    expect(table.rows.map((r) => r[0].text)).toContain("Не число (NOT_A_NUMBER)");
    const nan = table.rows.find((r) => r[0].text === "Не число (NOT_A_NUMBER)")!;
    expect(nan.map((c) => c.text)).toEqual([
      "Не число (NOT_A_NUMBER)",
      "ошибка",
      "4",
      expect.stringMatching(/и ещё 1$/),
    ]);
    // Errors first, then warnings; the counts add up to the report's.
    expect(table.rows.reduce((n, r) => n + Number(r[2].text), 0)).toBe(15);
    const severities = table.rows.map((r) => r[1].text);
    expect(severities.lastIndexOf("ошибка")).toBeLessThan(severities.indexOf("предупреждение"));
  });

  it("2. tabulates the targets with the latest and previous period, and charts the ШНОР share against 20 %", () => {
    const s = section(doc.blocks, 2);
    expect(texts(s)).toContain("Из 17 целевых показателей, оценённых по последнему периоду, достигнуто 10.");
    const table = s.find((b): b is Table => b.kind === "table")!;
    expect(table.columns.map((c) => c.title)).toEqual([
      "Показатель",
      "Цель",
      "Факт",
      "Статус",
      "Предыдущий период",
      "Динамика",
    ]);
    const shnor = table.rows.find((r) => r[0].text === "Доля ШНОР")!;
    expect(shnor.map((c) => c.text)).toEqual([
      "Доля ШНОР",
      "≤ 20 %",
      "34,5 % (2022)",
      "не выполнено",
      "27,6 % (2021)",
      "+6,9 п.п.",
    ]);
    expect(shnor[5].tone).toBe("bad"); // a rising ШНОР share is bad news
    const kpk = table.rows.find((r) => r[0].text === "Доля педагогов ШНОР, прошедших КПК")!;
    expect(kpk[5]).toMatchObject({ text: "+5,1 п.п.", tone: "good" });
    const quality = table.rows.find((r) => r[0].text === "Процент качества знаний")!;
    expect(quality[5]).toMatchObject({ text: "−0,6 п.п.", tone: "bad" });
    expect(table.rows.find((r) => r[0].text.startsWith("Доля школ в перечне"))![2].text).toBe("3,4 % (31.12.2023)");
    // Theme rows span the table.
    expect(table.rows.filter((r) => r.length === 1 && r[0].span === 6).map((r) => r[0].text)).toContain("Кадры");
    const chart = s.find((b): b is Chart => b.kind === "chart")!;
    expect(chart.categories).toEqual(["2020", "2021", "2022"]);
    expect(chart.series[0].values.map((v) => ruValue(v!, "%"))).toEqual(["34,5 %", "27,6 %", "34,5 %"]);
    expect(chart.series[1]).toMatchObject({ name: "Цель", asLine: true, values: [20, 20, 20] });
    expect(chart.caption).toContain("2021 — 27,6 %, 2022 — 34,5 %; линия — целевое значение 20 %");
  });

  it("3. lists the ten ШНОР of 2022 with the low procedures of 2021 and 2022", () => {
    const s = section(doc.blocks, 3);
    expect(texts(s)[1]).toMatch(
      /^По итогам 2022 г\. к школам с низкими образовательными результатами \(ШНОР\) отнесены 10 ОО из 29 \(34,5 %\)/,
    );
    expect(doc.facts.shnorYear).toBe(2022);
    expect(doc.facts.shnorSchools).toHaveLength(10);
    const table = s.find((b): b is Table => b.kind === "table")!;
    expect(table.rows).toHaveLength(10);
    const khor = table.rows.find((r) => r[1].text === "МБОУ СОШ № 2 р.п. Хор")!;
    expect(khor[2].text).toBe(
      "Не менее двух решающих процедур с низкими результатами в 2022 г. Низкие результаты (доля «2» не менее 30 %): 2022 г.: ВПР 5 кл. математика (42,0 %, 21 из 50), ОГЭ математика (43,2 %, 19 из 44); 2021 г.: нет.",
    );
    const first = table.rows.find((r) => r[1].text === "МБОУ СОШ № 1 р.п. Переяславка")!;
    expect(first[2].text).toMatch(/^Низкие результаты и в 2021 г\., и в 2022 г\./);
  });

  it("4. concludes from the figures", () => {
    const s = texts(section(doc.blocks, 4));
    expect(s[1]).toMatch(
      /^1\. Из 17 целевых показателей достигнуто 10; не достигнуты: Процент качества знаний \(37,8 % в 2022\/2023 уч\. г\. при цели рост ≥ 1 п\.п\.\);/,
    );
    expect(s).toContain(
      "2. Доля ШНОР выросла на 6,9 п.п. (с 27,6 % в 2021 г. до 34,5 % в 2022 г.) и превышает целевое значение 20 %.",
    );
    expect(
      s.some((t) =>
        t.includes("В группе ШНОР по итогам 2022 г. — 10 школ, из них с низкими результатами два года подряд — 9"),
      ),
    ).toBe(true);
    expect(s[s.length - 1]).toMatch(/выявлено ошибок: 12, предупреждений: 3/);
  });

  it("says «Ошибок нет» and no issue table for a clean check", () => {
    const clean = lazoSpravka((r) => {
      r.issues = [];
      r.summary = { errors: 0, warnings: 0, infos: 0 };
    });
    const s = section(clean.blocks, 1);
    expect(texts(s)).toContain("Итог форматно-логического контроля (ФЛК): Ошибок нет.");
    expect(s.some((b) => b.kind === "table")).toBe(false);
    expect(texts(section(clean.blocks, 4)).pop()).toMatch(/^\d+\. Ошибок в представленных данных не выявлено\.$/);
  });

  it("takes the project's short name from its title", () => {
    const t = BUILTIN_TEMPLATES.find((x) => x.id === "uchitel-uchitelyu-2020")!;
    expect(projectName(t)).toBe("Учитель – учителю");
    expect(BUILTIN_TEMPLATES.every((x) => typeof x.organisation === "string" && x.organisation.length > 10)).toBe(true);
  });
});
