/** The canonical plan-graph columns of DOMAIN.md, for templates to pick from. */
import type { ColumnSpec } from "./schema";

type ColumnInput = Omit<ColumnSpec, "aliases" | "required" | "type"> &
  Partial<Pick<ColumnSpec, "aliases" | "required" | "type">>;

function col(c: ColumnInput): ColumnSpec {
  return { aliases: [], required: false, type: "text", ...c };
}

export const PLAN_COLUMNS = {
  no: col({
    id: "no",
    title: "№ п/п",
    aliases: ["№", "п/п", "N", "№ п.п.", "N п/п", "Номер"],
    required: true,
    type: "number_label",
    width: 8,
  }),
  task: col({
    id: "task",
    title: "Мероприятие",
    aliases: [
      "Мероприятия",
      "Основные мероприятия",
      "Задачи",
      "Содержание работы",
      "Наименование мероприятия",
      "Содержание мероприятия",
    ],
    required: true,
    width: 60,
  }),
  due: col({
    id: "due",
    title: "Сроки",
    aliases: [
      "Срок",
      "Сроки реализации",
      "Сроки исполнения",
      "Сроки проведения",
      "Срок исполнения",
      "Срок проведения",
      "Дата проведения",
    ],
    required: true,
    type: "deadline",
    width: 20,
  }),
  owner: col({
    id: "owner",
    title: "Ответственные",
    aliases: [
      "Ответственный",
      "Ответственный исполнитель",
      "Ответственные исполнители",
      "Ответственные/участники",
      "Ответственные / участники",
      "Исполнители",
      "Исполнитель",
    ],
    required: true,
    width: 30,
  }),
  participants: col({ id: "participants", title: "Участники", aliases: [], width: 25 }),
  result: col({
    id: "result",
    title: "Результат",
    aliases: [
      "Ожидаемый результат",
      "Ожидаемые результаты",
      "Планируемый результат",
      "Планируемые результаты",
      "Прогнозируемый результат",
      "Результаты",
    ],
    required: true,
    width: 45,
  }),
  status: col({
    id: "status",
    title: "Статус",
    aliases: ["Отметка о выполнении", "Выполнение", "Статус выполнения"],
    type: "status",
    width: 18,
  }),
  done_date: col({
    id: "done_date",
    title: "Дата выполнения",
    aliases: ["Фактический срок", "Фактическая дата"],
    type: "date",
    width: 14,
  }),
  fact: col({ id: "fact", title: "Фактический результат", aliases: ["Факт"], width: 40 }),
  evidence: col({ id: "evidence", title: "Подтверждающий документ", aliases: ["Ссылка"], width: 30 }),
} as const satisfies Record<string, ColumnSpec>;

export type PlanColumnId = keyof typeof PLAN_COLUMNS;

/** The standard plan column set: the five required ones, participants and the monitoring columns. */
export function standardPlanColumns(overrides: Partial<Record<PlanColumnId, Partial<ColumnSpec>>> = {}): ColumnSpec[] {
  return (Object.keys(PLAN_COLUMNS) as PlanColumnId[]).map((id) => {
    const base = PLAN_COLUMNS[id];
    const o = overrides[id] ?? {};
    return { ...base, ...o, aliases: [...base.aliases, ...(o.aliases ?? [])] };
  });
}

/** Plan execution statuses (DOMAIN.md), as written in blank templates and lists. */
export const PLAN_STATUSES = [
  "Выполнено",
  "Выполнено частично",
  "Выполнено с нарушением срока",
  "В работе",
  "Не выполнено",
  "Перенесено",
] as const;
