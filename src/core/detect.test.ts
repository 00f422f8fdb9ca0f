import { gridWorkbook } from "../../samples/toWorkbook";
import { detectTemplate, TEMPLATE_PROPERTY } from "./detect";
import { BUILTIN_TEMPLATES } from "./templates";
import { validateWorkbook } from "./validate";
import { templateReason } from "../i18n/issueMessages";

describe("detectTemplate", () => {
  it("takes the template id recorded in the workbook", () => {
    const wb = {
      ...gridWorkbook("x.xlsx", [["№", "Мероприятие", "Сроки", "Ответственные", "Результат"]]),
      properties: { [TEMPLATE_PROPERTY]: "uritsky-2021" },
    };
    const d = detectTemplate(wb, BUILTIN_TEMPLATES);
    expect(d.template.id).toBe("uritsky-2021");
    expect(d.ambiguous).toBe(false);
    expect(templateReason(d.reasonParams, "ru")).toContain("записан шаблон");
  });

  it("recognises a project by its title text and says why", () => {
    const wb = gridWorkbook("x.xlsx", [
      ["План мероприятий муниципального проекта «Учитель – учителю» на 2020-2022 годы"],
      ["№ п/п", "Мероприятие", "Сроки", "Ответственные", "Результат"],
    ]);
    const d = detectTemplate(wb, BUILTIN_TEMPLATES);
    expect(d.template.id).toBe("uchitel-uchitelyu-2020");
    expect(d.ambiguous).toBe(false);
    expect(templateReason(d.reasonParams, "ru")).toMatch(/Учитель/);
  });

  it("reports the candidates when nothing tells the templates apart", () => {
    const wb = gridWorkbook("x.xlsx", [["№ п/п", "Мероприятие", "Сроки", "Ответственные", "Результат"]]);
    const d = detectTemplate(wb, BUILTIN_TEMPLATES);
    expect(d.ambiguous).toBe(true);
    expect(d.candidates.length).toBe(BUILTIN_TEMPLATES.length);
    expect(templateReason(d.reasonParams, "ru")).toContain("неоднозначно");
    const r = validateWorkbook(wb, { templates: BUILTIN_TEMPLATES, asOf: "2022-01-01" });
    expect(r.report.issues.map((i) => i.code)).toContain("TEMPLATE_AMBIGUOUS");
  });
});

describe("Sverka's own sheets", () => {
  const plan = [
    ["№ п/п", "Мероприятия", "Ответственный исполнитель", "Сроки", "Ожидаемый результат"],
    ["1.", "Сбор заявок", "МБУ МЦ", "Сентябрь 2020", "Сформирован банк заявок"],
  ];
  const ivanovo = BUILTIN_TEMPLATES.find((t) => t.id === "ivanovo-2020")!;

  it("a user's own sheet named «Дашборд» is checked like any other", () => {
    const wb = gridWorkbook("x.xlsx", plan, "Дашборд");
    const r = validateWorkbook(wb, { template: ivanovo, templates: BUILTIN_TEMPLATES, asOf: "2021-06-30" });
    expect(r.report.sheets).toEqual([expect.objectContaining({ name: "Дашборд", kind: "plan" })]);
  });

  it("sheets listed under sverka.sheets are skipped", () => {
    const wb = {
      ...gridWorkbook("x.xlsx", plan, "Дашборд"),
      properties: { "sverka.sheets": JSON.stringify(["Дашборд"]) },
    };
    const r = validateWorkbook(wb, { template: ivanovo, templates: BUILTIN_TEMPLATES, asOf: "2021-06-30" });
    expect(r.report.sheets).toEqual([expect.objectContaining({ name: "Дашборд", kind: "sverka" })]);
  });
});
