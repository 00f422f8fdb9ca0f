/**
 * The seven monitoring sheets of DOMAIN.md «Monitoring sheets», part of every built-in template.
 * A blank template workbook has exactly these sheet names and headers.
 */
import type { ColumnSpec, DataSheetSpec } from "../template/schema";

type Col = Omit<ColumnSpec, "aliases" | "required" | "type"> &
  Partial<Pick<ColumnSpec, "aliases" | "required" | "type">>;
const col = (c: Col): ColumnSpec => ({ aliases: [], required: false, type: "text", ...c });

const school = col({
  id: "school",
  title: "ОО",
  aliases: [
    "Школа",
    "Общеобразовательная организация",
    "Наименование ОО",
    "Образовательная организация",
    "Наименование школы",
  ],
  required: true,
  type: "school",
  width: 40,
});
const year = col({ id: "year", title: "Год", aliases: ["Календарный год"], required: true, type: "year", width: 8 });
const yesno = (id: string, title: string, aliases: string[] = []): ColumnSpec =>
  col({ id, title, aliases, type: "yesno", width: 14 });
const count = (id: string, title: string, aliases: string[] = [], required = false): ColumnSpec =>
  col({ id, title, aliases, type: "count", required, width: 14 });

export const SCHOOL_LEVELS = ["Сильно неуспевающие", "Умеренно неуспевающие", "Базово неуспевающие"];

export const MONITORING_SHEETS: DataSheetSpec[] = [
  {
    id: "schools",
    name: "Школы",
    sheetNames: ["Реестр ОО", "Реестр школ", "ОО"],
    key: ["school"],
    columns: [
      school,
      col({ id: "code", title: "Код ОО", aliases: ["Код", "ИНН"], width: 12 }),
      yesno("shnor", "ШНОР (да/нет)", ["ШНОР"]),
      yesno("shnsu", "ШНСУ (да/нет)", ["ШНСУ"]),
      yesno("leader", "Школа-лидер (да/нет)", ["Школа-лидер", "ШЛ"]),
      yesno("participant", "Участник проекта (да/нет)", ["Участник проекта", "Участник"]),
      yesno("unobjective", "В перечне с необъективными результатами (да/нет)", [
        "В перечне с необъективными результатами",
        "Необъективные результаты",
      ]),
      col({
        id: "level",
        title: "Уровень результатов",
        aliases: ["Группа ШНОР"],
        type: "level",
        values: SCHOOL_LEVELS,
        width: 24,
      }),
    ],
  },
  {
    id: "grades",
    name: "Успеваемость",
    sheetNames: ["Качество знаний"],
    key: ["school", "school_year"],
    columns: [
      school,
      col({
        id: "school_year",
        title: "Учебный год",
        aliases: ["Уч. год"],
        required: true,
        type: "school_year",
        width: 12,
      }),
      count("students", "Обучающихся", ["Количество обучающихся", "Всего обучающихся"]),
      count("assessed", "Аттестовано", ["Аттестовано обучающихся"], true),
      count("excellent", "Отличников", ["На «5»", "Отличники"]),
      count("good", "Ударников", ["На «4» и «5»", "Хорошисты", "Ударники"]),
      count("failing", "Неуспевающих", ["Имеют «2»", "Неуспевающие"]),
    ],
  },
  {
    id: "procedures",
    name: "Процедуры",
    sheetNames: ["Результаты процедур", "ВПР ОГЭ ЕГЭ"],
    key: ["school", "year", "procedure"],
    columns: [
      school,
      year,
      col({
        id: "procedure",
        title: "Процедура",
        aliases: ["Оценочная процедура", "Предмет"],
        required: true,
        width: 30,
      }),
      count("participants", "Участников", ["Количество участников", "Писали"], true),
      count("m2", "«2» / не преодолели порог", ["«2»", "2", "Не преодолели порог", "Отметка 2"], true),
      count("m3", "«3»", ["3", "Отметка 3"]),
      count("m4", "«4»", ["4", "Отметка 4"]),
      count("m5", "«5»", ["5", "Отметка 5"]),
    ],
  },
  {
    id: "staff",
    name: "Кадры",
    sheetNames: ["Педагоги"],
    key: ["school", "year"],
    columns: [
      school,
      year,
      count("teachers", "Педагогов", ["Педагогических работников", "Количество педагогов"], true),
      count("kpk", "Прошли КПК", ["Прошли КПК за 3 года", "КПК"]),
      count("kpk_quality", "КПК по вопросам качества"),
      count("kpk32", "КПК не менее 32 ч", ["КПК 32 ч", "КПК не менее 32 часов"]),
      count("in_network_events", "В сетевых мероприятиях", ["Участвуют в сетевых мероприятиях"]),
      count("in_project", "Участвуют в проекте", ["Участники проекта"]),
      col({ id: "posts", title: "Ставок", aliases: ["Количество ставок"], type: "number", width: 10 }),
      col({ id: "vacancies", title: "Вакансий", aliases: ["Количество вакансий"], type: "number", width: 10 }),
    ],
  },
  {
    id: "network",
    name: "Сеть",
    sheetNames: ["Сетевое взаимодействие"],
    key: ["school", "year"],
    columns: [
      school,
      year,
      yesno("network", "Сетевое взаимодействие со ШЛ (да/нет)", [
        "Сетевое взаимодействие со ШЛ",
        "Сетевое взаимодействие",
      ]),
      yesno("agreement", "Договор с куратором (да/нет)", ["Договор с куратором", "Договор со школой-куратором"]),
      yesno("program", "Программа повышения качества (да/нет)", ["Программа повышения качества", "Программа"]),
      yesno("program_online", "Программа на сайте (да/нет)", ["Программа на сайте", "Размещена на сайте"]),
      count("events_hosted", "Мероприятий на базе ОО", ["Мероприятий на базе"]),
    ],
  },
  {
    id: "gia",
    name: "ГИА",
    sheetNames: ["ОГЭ ЕГЭ", "Итоговая аттестация"],
    key: ["school", "year"],
    columns: [
      school,
      year,
      count("grads9", "Выпускников 9 кл.", ["Выпускников 9 классов"]),
      count("oge12", "ОГЭ: не менее 12 баллов по 4 предметам", ["ОГЭ не менее 12 баллов"]),
      count("grads11", "Выпускников 11 кл.", ["Выпускников 11 классов"]),
      count("ege_min", "ЕГЭ: выше порога по всем предметам", ["ЕГЭ выше порога"]),
      count("ege220", "ЕГЭ: не менее 220 баллов по 3 предметам", ["ЕГЭ не менее 220 баллов"]),
    ],
  },
  {
    id: "events",
    name: "Мероприятия",
    sheetNames: ["События", "Методические мероприятия"],
    key: [],
    columns: [
      col({ id: "date", title: "Дата", aliases: ["Дата проведения"], required: true, type: "date", width: 12 }),
      col({
        id: "title",
        title: "Мероприятие",
        aliases: ["Название", "Наименование мероприятия"],
        required: true,
        width: 50,
      }),
      col({
        id: "level",
        title: "Уровень",
        aliases: [],
        type: "level",
        values: ["муниципальный", "региональный", "школьный"],
        width: 16,
      }),
      col({ id: "venue", title: "Площадка", aliases: ["Место проведения"], width: 30 }),
      col({ id: "schools", title: "Участвовавшие ОО", aliases: ["Участники", "ОО-участники"], width: 50 }),
    ],
  },
];

export type MonitoringSheetId = "schools" | "grades" | "procedures" | "staff" | "network" | "gia" | "events";

/** Procedures that decide ШНОР status (seed 003). Matched after `procedureKey`. */
export const SHNOR_PROCEDURES = [
  "ОГЭ математика",
  "ОГЭ русский язык",
  "ЕГЭ математика базовая",
  "ЕГЭ математика профильная",
  "ЕГЭ русский язык",
  "ВПР 5 кл. русский язык",
  "ВПР 5 кл. математика",
  "ВПР 6 кл. русский язык",
  "ВПР 6 кл. математика",
];
