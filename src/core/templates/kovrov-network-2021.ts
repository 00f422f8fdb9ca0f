/**
 * Built-in template for seed 004: Kovrov district, municipal programme of network interaction of
 * teachers and schools (incl. ШНОР and ШНСУ) for 2021–2023. Three plan tables:
 * 1. «План мероприятий в рамках сетевого взаимодействия образовательных организаций и педагогов»
 *    with «Направление: …» section rows;
 * 2. «План мероприятий по организации методической помощи ШНОР и ШНСУ» — the document has no
 *    result column there, which is a defect: the spec still requires one (`MISSING_COLUMN`);
 * 3. «План мероприятий в рамках сетевого взаимодействия педагогов (методических объединений и
 *    профессиональных сообществ)» — numbered groups (1.1, 2.1 …) with unnumbered activity rows.
 */
import type { ColumnSpec, TemplateInput } from "../template/schema";
import { PLAN_COLUMNS, standardPlanColumns, type PlanColumnId } from "../template/planColumns";
import { MONITORING_SHEETS } from "../monitoring/sheets";
import { indicatorCatalog } from "../indicators/catalog";

const MONITORING_COLUMNS: readonly PlanColumnId[] = ["status", "done_date", "fact", "evidence"];

/** Pick standard columns (with overrides) in the given order. */
function columnsInOrder(
  order: readonly PlanColumnId[],
  overrides: Parameters<typeof standardPlanColumns>[0],
): ColumnSpec[] {
  const all = standardPlanColumns(overrides);
  return [...order, ...MONITORING_COLUMNS].map((id) => {
    const column = all.find((c) => c.id === id);
    if (!column) throw new Error(`unknown plan column ${id}`);
    return column;
  });
}

/** Plans 1 and 2: № · Мероприятие · Сроки · Ответственные/ участники · Ожидаемый результат. */
function networkPlanColumns(): ColumnSpec[] {
  return columnsInOrder(["no", "task", "due", "owner", "result"], {
    no: { title: "№", aliases: [PLAN_COLUMNS.no.title] },
    owner: { title: "Ответственные/ участники", aliases: [PLAN_COLUMNS.owner.title] },
    // Required even in plan 2, whose document lacks the column (DOMAIN.md: a defect to report).
    result: { title: "Ожидаемый результат", aliases: [PLAN_COLUMNS.result.title] },
  });
}

/** Plan 3: № · Мероприятия · Участники · Сроки проведения · Ответственные · Ожидаемые результаты. */
function teachersPlanColumns(): ColumnSpec[] {
  return columnsInOrder(["no", "task", "participants", "due", "owner", "result"], {
    no: { title: "№", aliases: [PLAN_COLUMNS.no.title] },
    task: { title: "Мероприятия", aliases: [PLAN_COLUMNS.task.title] },
    due: { title: "Сроки проведения", aliases: [PLAN_COLUMNS.due.title] },
    result: { title: "Ожидаемые результаты", aliases: [PLAN_COLUMNS.result.title] },
  });
}

export const template: TemplateInput = {
  id: "kovrov-network-2021",
  version: "1",
  title:
    "Муниципальная программа сетевого взаимодействия педагогов и образовательных организаций, в том числе школ с низкими образовательными результатами и/или функционирующими в неблагоприятных социальных условиях на 2021-2023 годы",
  municipality: "Ковровский район",
  organisation: "Управление образования администрации Ковровского района",
  source: "004_d03e784623ec01f1.txt",
  period: { start: "2021-01-01", end: "2023-12-31", schoolYear: false },
  keywords: [
    "Ковровского района",
    "Ковровский район",
    "сетевого взаимодействия",
    "сетевое взаимодействие",
    "муниципальная программа сетевого взаимодействия",
    "ресурсной школы",
    "МБУ «ЦРО»",
    "Направление: нормативно-правовое обеспечение взаимодействия",
    "Направление: организационно-управленческое",
    "Направление: финансово-экономическое",
    "методической помощи ШНОР и ШНСУ",
    "методических объединений и профессиональных сообществ",
    "Ответственные/ участники",
    "Содержание работы",
  ],
  organisations: [
    {
      name: "Управление образования администрации Ковровского района",
      aliases: [
        "УО",
        "Управление образования",
        "управления образования",
        "заместитель начальника управления образования",
      ],
    },
    { name: "Администрация Ковровского района", aliases: [] },
    { name: "МБУ «ЦРО»", aliases: ["ЦРО", "МБУ ЦРО"] },
    {
      name: "Образовательные организации",
      aliases: [
        "ОО",
        "общеобразовательные организации",
        "образовательные учреждения",
        "образовательное учреждение",
        "руководители образовательных организаций",
      ],
    },
    {
      name: "Школа/организация лидер",
      aliases: [
        "ШЛ",
        "школа-лидер",
        "школы-лидеры",
        "организация-лидер",
        "школы/организации лидеры",
        "школа/организация-лидер",
      ],
    },
    {
      name: "Школа с низкими образовательными результатами",
      aliases: ["ШНОР", "школы с низкими результатами обучения"],
    },
    {
      name: "Школа, функционирующая в низких социальных условиях",
      aliases: [
        "ШНСУ",
        "школы, функционирующие в сложных социальных условиях",
        "функционирующих в неблагоприятных социальных условиях",
      ],
    },
    { name: "Учреждения культуры", aliases: ["УК"] },
    { name: "Учреждения спорта", aliases: ["УС"] },
    {
      name: "Ресурсная школа",
      aliases: ["ресурсной школы", "руководитель ресурсной школы", "рабочая группа ресурсной школы"],
    },
    { name: "Школы-партнёры", aliases: ["школ-партнёров", "школы-партнеры", "сетевые партнёры"] },
    { name: "Районные методические объединения", aliases: ["РМО", "руководители РМО"] },
    { name: "Школьные методические объединения", aliases: ["ШМО", "ШМО учителей", "руководители ШМО"] },
    {
      name: "Профессиональные сообщества педагогов",
      aliases: ["сетевые сообщества педагогов", "сетевых сообществ педагогов", "профессиональных сообществ"],
    },
    { name: "Классные руководители", aliases: ["классный руководитель"] },
    { name: "Обучающиеся", aliases: ["обучающиеся ШНОР и ШНСУ"] },
    { name: "Гимназическое научное общество", aliases: ["гимназического научного общества"] },
    { name: "ВИРО", aliases: ["Владимирский институт развития образования"] },
  ],
  plans: [
    {
      id: "plan-network",
      title: "План сетевого взаимодействия",
      sheetNames: [
        "План 2021-2023",
        "План мероприятий",
        "План-график",
        "Сетевое взаимодействие",
        "Сетевое взаимодействие ОО",
      ],
      columns: networkPlanColumns(),
      layout: ["no", "task", "due", "owner", "result"],
      numbering: "all",
      measurableResults: false,
    },
    {
      id: "plan-shnor-support",
      title: "Методпомощь ШНОР и ШНСУ",
      sheetNames: ["План ШНОР", "Помощь ШНОР и ШНСУ", "Методическая помощь ШНОР", "Методическая помощь ШНОР и ШНСУ"],
      columns: networkPlanColumns(),
      layout: ["no", "task", "due", "owner"],
      // Item 8 «Консультации, семинары, мастер-классы, открытые уроки» is a numbered group whose four items are unnumbered.
      numbering: "groups",
      measurableResults: false,
    },
    {
      id: "plan-teachers-network",
      title: "Сеть педагогов (РМО)",
      sheetNames: [
        "Сеть педагогов",
        "Сетевые мероприятия",
        "План РМО",
        "Методические объединения",
        "Сетевое взаимодействие педагогов",
      ],
      columns: teachersPlanColumns(),
      layout: ["no", "task", "participants", "due", "owner", "result"],
      numbering: "groups",
      measurableResults: false,
    },
  ],
  monitoring: MONITORING_SHEETS,
  // Seed 004 «Показатели реализации Программы».
  indicators: indicatorCatalog({
    network_share: [{ op: ">=", value: 50 }],
    network_share_target: [{ op: ">=", value: 100 }],
    network_teachers_pct: [{ op: ">=", value: 100 }],
  }),
};
