import fc from "fast-check";
import { isValidIsoDate } from "../model/dates";
import type { CellValue } from "../model/sheet";
import { lastDate, parseDeadline, type DateInterval, type Deadline, type DeadlinePeriod } from "./deadline";

// Project periods of the five seeds.
const LAZO_2020: DeadlinePeriod = { start: "2020-01-01", end: "2022-12-31", schoolYear: false }; // 000
const IVANOVO: DeadlinePeriod = { start: "2020-09-01", end: "2021-08-31", schoolYear: true }; // 001
const URITSKY: DeadlinePeriod = { start: "2021-01-01", end: "2024-12-31", schoolYear: false }; // 002
const LAZO_2023: DeadlinePeriod = { start: "2023-01-01", end: "2024-12-31", schoolYear: false }; // 003
const KOVROV: DeadlinePeriod = { start: "2021-01-01", end: "2023-12-31", schoolYear: false }; // 004

/** An interval literal: iv("2023-03-01", "2023-04-30"); iv("2023-04-05") is one day. */
function iv(start: string, end: string = start): DateInterval {
  return { start, end };
}

interface Expectation {
  readonly text: string;
  readonly period: DeadlinePeriod;
  readonly kind: Deadline["kind"];
  readonly intervals: DateInterval[];
  readonly recurring?: Deadline["recurring"];
  readonly byDate?: boolean;
}

// ---------------------------------------------------------------------------------------------
// 1. The deadline examples listed in DOMAIN.md

const DOMAIN_EXAMPLES: Expectation[] = [
  { text: "До 05 апреля 2023 г.", period: LAZO_2023, kind: "dated", byDate: true, intervals: [iv("2023-04-05")] },
  { text: "До 15 марта\n2023 г.", period: LAZO_2023, kind: "dated", byDate: true, intervals: [iv("2023-03-15")] },
  { text: "Январь 2023 г.", period: LAZO_2023, kind: "dated", intervals: [iv("2023-01-01", "2023-01-31")] },
  {
    text: "Март – апрель",
    period: LAZO_2023,
    kind: "dated",
    intervals: [iv("2023-03-01", "2023-04-30"), iv("2024-03-01", "2024-04-30")],
  },
  { text: "Март – апрель", period: IVANOVO, kind: "dated", intervals: [iv("2021-03-01", "2021-04-30")] },
  {
    text: "Март 2023 г. – апрель 2024 г.",
    period: LAZO_2023,
    kind: "dated",
    intervals: [iv("2023-03-01", "2024-04-30")],
  },
  { text: "Октябрь – ноябрь 2023 г.", period: LAZO_2023, kind: "dated", intervals: [iv("2023-10-01", "2023-11-30")] },
  {
    text: "Март, август, ноябрь 2023, 2024 гг.",
    period: LAZO_2023,
    kind: "dated",
    intervals: [
      iv("2023-03-01", "2023-03-31"),
      iv("2023-08-01", "2023-08-31"),
      iv("2023-11-01", "2023-11-30"),
      iv("2024-03-01", "2024-03-31"),
      iv("2024-08-01", "2024-08-31"),
      iv("2024-11-01", "2024-11-30"),
    ],
  },
  {
    text: "Сентябрь 2023 г. Март 2024 г.",
    period: LAZO_2023,
    kind: "dated",
    intervals: [iv("2023-09-01", "2023-09-30"), iv("2024-03-01", "2024-03-31")],
  },
  {
    text: "В течение 2023, 2024 гг.",
    period: LAZO_2023,
    kind: "dated",
    recurring: "during_year",
    intervals: [iv("2023-01-01", "2023-12-31"), iv("2024-01-01", "2024-12-31")],
  },
  {
    text: "Февраль-март 2020 г., далее – ежегодно корректировка",
    period: LAZO_2020,
    kind: "dated",
    recurring: "annually",
    intervals: [iv("2020-02-01", "2020-03-31")],
  },
  { text: "2020-2022 г.г.", period: LAZO_2020, kind: "dated", intervals: [iv("2020-01-01", "2022-12-31")] },
  { text: "Сентябрь 2020-май 2021", period: IVANOVO, kind: "dated", intervals: [iv("2020-09-01", "2021-05-31")] },
  {
    text: "Октябрь 2020 Май 2021",
    period: IVANOVO,
    kind: "dated",
    intervals: [iv("2020-10-01", "2020-10-31"), iv("2021-05-01", "2021-05-31")],
  },
  { text: "Декабрь 2020 - Февраль 2021", period: IVANOVO, kind: "dated", intervals: [iv("2020-12-01", "2021-02-28")] },
  {
    text: "Май, август 2021",
    period: IVANOVO,
    kind: "dated",
    intervals: [iv("2021-05-01", "2021-05-31"), iv("2021-08-01", "2021-08-31")],
  },
  { text: "август, 2021", period: URITSKY, kind: "dated", intervals: [iv("2021-08-01", "2021-08-31")] },
  {
    text: "Сентябрь, 2021-2024",
    period: URITSKY,
    kind: "dated",
    intervals: [
      iv("2021-09-01", "2021-09-30"),
      iv("2022-09-01", "2022-09-30"),
      iv("2023-09-01", "2023-09-30"),
      iv("2024-09-01", "2024-09-30"),
    ],
  },
  { text: "До 30 декабря 2024 г.", period: LAZO_2023, kind: "dated", byDate: true, intervals: [iv("2024-12-30")] },
  {
    text: "2 раза в год (январь, июнь)",
    period: URITSKY,
    kind: "dated",
    recurring: "times_per_year",
    intervals: [
      iv("2021-01-01", "2021-01-31"),
      iv("2021-06-01", "2021-06-30"),
      iv("2022-01-01", "2022-01-31"),
      iv("2022-06-01", "2022-06-30"),
      iv("2023-01-01", "2023-01-31"),
      iv("2023-06-01", "2023-06-30"),
      iv("2024-01-01", "2024-01-31"),
      iv("2024-06-01", "2024-06-30"),
    ],
  },
  {
    text: "Ежегодно (сентябрь -октябрь)",
    period: KOVROV,
    kind: "dated",
    recurring: "annually",
    intervals: [iv("2021-09-01", "2021-10-31"), iv("2022-09-01", "2022-10-31"), iv("2023-09-01", "2023-10-31")],
  },
  {
    // Dec–Jan recurs every year; the occurrences cut by the period's edges are clipped to it.
    text: "Ежегодно: Декабрь январь; Май-июнь",
    period: KOVROV,
    kind: "dated",
    recurring: "annually",
    intervals: [
      iv("2021-01-01", "2021-01-31"),
      iv("2021-05-01", "2021-06-30"),
      iv("2021-12-01", "2022-01-31"),
      iv("2022-05-01", "2022-06-30"),
      iv("2022-12-01", "2023-01-31"),
      iv("2023-05-01", "2023-06-30"),
      iv("2023-12-01", "2023-12-31"),
    ],
  },
  { text: "Апрель-май 2021", period: IVANOVO, kind: "dated", intervals: [iv("2021-04-01", "2021-05-31")] },
  { text: "В конце каждого полугодия", period: URITSKY, kind: "recurring", recurring: "half_yearly", intervals: [] },
  {
    text: "Сентябрь,",
    period: URITSKY,
    kind: "dated",
    intervals: [
      iv("2021-09-01", "2021-09-30"),
      iv("2022-09-01", "2022-09-30"),
      iv("2023-09-01", "2023-09-30"),
      iv("2024-09-01", "2024-09-30"),
    ],
  },
  {
    text: "По плану работы отдела образования, 2-3 раза в год",
    period: URITSKY,
    kind: "recurring",
    recurring: "by_plan",
    intervals: [],
  },
  { text: "Сентябрь - октябрь", period: IVANOVO, kind: "dated", intervals: [iv("2020-09-01", "2020-10-31")] },
];

/** The recurring or open terms DOMAIN.md names as valid but not datable. */
const DOMAIN_RECURRING: ReadonlyArray<readonly [string, NonNullable<Deadline["recurring"]>]> = [
  ["Ежегодно", "annually"],
  ["Постоянно", "permanent"],
  ["По полугодиям", "half_yearly"],
  ["В течение года", "during_year"],
  ["В течение всего периода", "whole_period"],
  ["По плану", "by_plan"],
  ["По отдельному графику", "by_schedule"],
  ["По плану работы отдела образования", "by_plan"],
  ["Не реже одного раза в квартал", "quarterly"],
  ["Не позднее 10 дней со дня проведения мероприятия", "after_event"],
  ["В течение года по заявке руководителя школы", "on_request"],
];

function expectDeadline(e: Expectation): void {
  const d = parseDeadline(e.text, e.period);
  expect({ text: d.text, kind: d.kind, intervals: d.intervals }).toEqual({
    text: e.text,
    kind: e.kind,
    intervals: e.intervals,
  });
  if (e.recurring !== undefined) expect(d.recurring).toBe(e.recurring);
  expect(d.byDate === true).toBe(e.byDate === true);
  expect(d.problem).toBeUndefined();
}

describe("parseDeadline: the DOMAIN.md examples", () => {
  it.each(DOMAIN_EXAMPLES.map((e) => [JSON.stringify(e.text), e.period.start, e] as const))(
    "%s in the period from %s",
    (_name, _start, e) => {
      expectDeadline(e);
    },
  );

  it.each(DOMAIN_RECURRING)("%s is the recurring term %s", (text, term) => {
    const d = parseDeadline(text, LAZO_2023);
    expect(d.kind).toBe("recurring");
    expect(d.recurring).toBe(term);
    expect(d.intervals).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Every distinct deadline text of the plan tables of the five seeds

/** Seed 000, Lazo «Учитель – учителю», column «Сроки». */
const SEED_000 = [
  "Ежегодно",
  "По полугодиям",
  "Февраль-март 2020 г., далее – ежегодно корректировка",
  "Апрель-июнь 2020 г., далее – ежегодно корректировка",
  "2020-2022 г.г.",
];

/** Seed 001, Ivanovo, column «Сроки» (activity 5 has no deadline). */
const SEED_001 = [
  "Сентябрь 2020",
  "Сентябрь 2020-май 2021",
  "Октябрь 2020- май 2021",
  "Октябрь 2020 Май 2021",
  "Декабрь 2020 - Февраль 2021",
  "В течение года по графику",
  "Октябрь 2020",
  "Сентябрь - октябрь",
  "Ноябрь 2020",
  "Апрель-май 2021",
  "По отдельному графику",
  "В течение года",
  "В течение всего периода",
  "Май, август 2021",
];

/** Seed 002, Uritsky, columns «Сроки исполнения» (first plan) and «Сроки» (second plan). */
const SEED_002 = [
  "В конце каждого полугодия",
  "В течение года",
  "Ежегодно",
  "август, 2021",
  "Ежегодно по плану мониторинговых исследований",
  "По плану работы отдела образования, 2-3 раза в год",
  "2 раза в год (январь, июнь)",
  "По плану работы отдела образования, в течение года",
  "По плану работы БУ ОО «ИРО», отдела образования, в течение года",
  "В течение года по заявке руководителя школы",
  "Постоянно",
  "август",
  "Ежегодно, сентябрь",
  "Сентябрь, 2021-2024",
  "Сентябрь,",
  "По планам работы отдела образования, ООО, в течение года",
];

/** Seed 003, Lazo «Эффективная школа», column «Сроки реализации» (line breaks as in the cells). */
const SEED_003 = [
  "До 05 апреля 2023 г.",
  "До 15 февраля 2023 г.",
  "До 15 марта \n2023 г.",
  "До 15 февраля 2023 г. ",
  "До 20 марта \n2023 г. ",
  "До 29 марта \n2023 г.",
  "До 20 апреля \n2023 г.",
  "До 28 апреля \n2023 г.",
  "Март – апрель",
  "До 24 апреля \n2023 г.",
  "До 05 мая \n2023 г.",
  "Апрель – \nноябрь",
  "Январь 2023 г.",
  "Февраль 2023 г.",
  "Март \n2023 г.",
  "Апрель  \n2023 г.",
  "Май  \n2023 г.",
  "Сентябрь  \n2023 г.",
  "Ноябрь   \n2023 г.",
  "Март    \n2023 г. – апрель     \n2024 г.",
  "Апрель – май 2023 г.",
  "Октябрь – ноябрь  2023 г.",
  "Декабрь  2023 г.",
  "Март – апрель 2023 г.",
  "До 30 декабря 2024 г.",
  "Октябрь 2023 г.",
  "Апрель 2023 г.",
  "Январь – февраль 2023 г.",
  "В течение 2023, 2024 гг. ",
  "Январь, \nапрель 2023 г.",
  "Февраль – октябрь 2023 г.",
  "Март – май 2023 г.",
  "Август-сентябрь 2023 г.",
  "Не позднее 10 дней со дня проведения мероприятия",
  "Постоянно",
  "В течение года",
  "Март, \nавгуст, \nноябрь 2023, 2024 гг.",
  "Март, \nноябрь 2023, 2024 гг.",
  "Сентябрь 2023 г. \nМарт  \n2024 г.",
  "Апрель, сентябрь 2023 г.",
  "Декабрь 2024 г. ",
  "Март \n2023 г. – декабрь 2024 г.",
  "Июль – \nавгуст 2023, 2024 гг.",
  "Не реже одного раза в квартал",
  "До 30 декабря ",
];

/**
 * Seed 004, Kovrov, columns «Сроки» (plans 1 and 2) and «Сроки проведения» (plan 3). Two cells of
 * plan 3 are broken over a page in the text dump; both the whole cells and their pieces are here.
 */
const SEED_004 = [
  "Январь- февраль 2021",
  "Ежегодно (сентябрь -октябрь)",
  "Ежегодно (август)",
  "В течение всего периода",
  "Ежегодно (июль-август)",
  "Ежегодно (май-июнь)",
  "В течении всего периода",
  "Ежегодно, август-сентябрь",
  "Ежегодно, август",
  "Ежегодно, сентябрь-октябрь",
  "Ежегодно, Октябрь, Январь, май",
  "Ежегодно, Август-октябрь-",
  "Ежегодно, по плану",
  "Ежегодно по плану",
  "Ежегодно, в течение всего периода",
  "Ежегодно: август",
  "Ежегодно: в течение года",
  "Ежегодно: октябрь (ноябрь)",
  "Ежегодно: октябрь - декабрь",
  "Ежегодно:\nв течение года",
  "Ежегодно:",
  "в течение года",
  "Ежегодно: Август-сентябрь",
  "Ежегодно: Март-май",
  "Ежегодно: Декабрь январь; Май-июнь",
  "Ежегодно: март",
  "Ежегодно: В течение всего периода",
  "Ежегодно: В течение всего\nпериода",
  "Ежегодно: В течение всего",
  "периода",
  "Ежегодно: Ноябрь-декабрь Июнь-август",
  "Ежегодно: Февраль",
  "Ежегодно: Сентябрь- октябрь",
  "Ежегодно: Сентябрь- декабрь",
  "Ежегодно: Сентябрь-октябрь, Май",
];

const SEEDS: ReadonlyArray<readonly [string, DeadlinePeriod, readonly string[]]> = [
  ["000 Lazo 2020–2022", LAZO_2020, SEED_000],
  ["001 Ivanovo 2020/2021", IVANOVO, SEED_001],
  ["002 Uritsky 2021–2024", URITSKY, SEED_002],
  ["003 Lazo 2023–2024", LAZO_2023, SEED_003],
  ["004 Kovrov 2021–2023", KOVROV, SEED_004],
];

describe("parseDeadline: every deadline of the seeds' plan tables", () => {
  for (const [name, period, texts] of SEEDS) {
    it(`seed ${name}: no deadline is unparsed (${texts.length} distinct texts)`, () => {
      const failures = texts
        .map((t) => ({ t, d: parseDeadline(t, period) }))
        .filter(({ d }) => d.kind === "unparsed")
        .map(({ t, d }) => `${JSON.stringify(t)}: ${d.problem ?? ""}`);
      expect(failures).toEqual([]);
    });

    it(`seed ${name}: every dated deadline lies within the project period`, () => {
      for (const t of texts) {
        const d = parseDeadline(t, period);
        for (const i of d.intervals) {
          expect([t, i.start >= period.start && i.end <= period.end]).toEqual([t, true]);
        }
      }
    });
  }

  it.each<Expectation>([
    { text: "В течение года по графику", period: IVANOVO, kind: "recurring", recurring: "by_schedule", intervals: [] },
    { text: "В течении всего периода", period: KOVROV, kind: "recurring", recurring: "whole_period", intervals: [] },
    { text: "Ежегодно: в течение года", period: KOVROV, kind: "recurring", recurring: "annually", intervals: [] },
    { text: "Ежегодно по плану", period: KOVROV, kind: "recurring", recurring: "by_plan", intervals: [] },
    {
      text: "Ежегодно, Октябрь, Январь, май",
      period: KOVROV,
      kind: "dated",
      recurring: "annually",
      intervals: [
        iv("2021-01-01", "2021-01-31"),
        iv("2021-05-01", "2021-05-31"),
        iv("2021-10-01", "2021-10-31"),
        iv("2022-01-01", "2022-01-31"),
        iv("2022-05-01", "2022-05-31"),
        iv("2022-10-01", "2022-10-31"),
        iv("2023-01-01", "2023-01-31"),
        iv("2023-05-01", "2023-05-31"),
        iv("2023-10-01", "2023-10-31"),
      ],
    },
    {
      text: "Ежегодно, Август-октябрь-",
      period: KOVROV,
      kind: "dated",
      recurring: "annually",
      intervals: [iv("2021-08-01", "2021-10-31"), iv("2022-08-01", "2022-10-31"), iv("2023-08-01", "2023-10-31")],
    },
    {
      text: "Ежегодно: Ноябрь-декабрь Июнь-август",
      period: KOVROV,
      kind: "dated",
      recurring: "annually",
      intervals: [
        iv("2021-06-01", "2021-08-31"),
        iv("2021-11-01", "2021-12-31"),
        iv("2022-06-01", "2022-08-31"),
        iv("2022-11-01", "2022-12-31"),
        iv("2023-06-01", "2023-08-31"),
        iv("2023-11-01", "2023-12-31"),
      ],
    },
    {
      text: "Ежегодно: октябрь (ноябрь)",
      period: KOVROV,
      kind: "dated",
      recurring: "annually",
      intervals: [
        iv("2021-10-01", "2021-10-31"),
        iv("2021-11-01", "2021-11-30"),
        iv("2022-10-01", "2022-10-31"),
        iv("2022-11-01", "2022-11-30"),
        iv("2023-10-01", "2023-10-31"),
        iv("2023-11-01", "2023-11-30"),
      ],
    },
    {
      text: "Июль – \nавгуст 2023, 2024 гг.",
      period: LAZO_2023,
      kind: "dated",
      intervals: [iv("2023-07-01", "2023-08-31"), iv("2024-07-01", "2024-08-31")],
    },
    {
      text: "Январь, \nапрель 2023 г.",
      period: LAZO_2023,
      kind: "dated",
      intervals: [iv("2023-01-01", "2023-01-31"), iv("2023-04-01", "2023-04-30")],
    },
    {
      text: "Март    \n2023 г. – апрель     \n2024 г.",
      period: LAZO_2023,
      kind: "dated",
      intervals: [iv("2023-03-01", "2024-04-30")],
    },
    {
      text: "Апрель – \nноябрь",
      period: LAZO_2023,
      kind: "dated",
      intervals: [iv("2023-04-01", "2023-11-30"), iv("2024-04-01", "2024-11-30")],
    },
    {
      text: "До 30 декабря ",
      period: LAZO_2023,
      kind: "dated",
      byDate: true,
      intervals: [iv("2023-12-30"), iv("2024-12-30")],
    },
    { text: "Октябрь 2020- май 2021", period: IVANOVO, kind: "dated", intervals: [iv("2020-10-01", "2021-05-31")] },
    { text: "Январь- февраль 2021", period: KOVROV, kind: "dated", intervals: [iv("2021-01-01", "2021-02-28")] },
    {
      text: "август",
      period: URITSKY,
      kind: "dated",
      intervals: [
        iv("2021-08-01", "2021-08-31"),
        iv("2022-08-01", "2022-08-31"),
        iv("2023-08-01", "2023-08-31"),
        iv("2024-08-01", "2024-08-31"),
      ],
    },
    { text: "периода", period: KOVROV, kind: "recurring", recurring: "whole_period", intervals: [] },
  ])("seed text $text", (e) => {
    expectDeadline(e);
  });
});

// ---------------------------------------------------------------------------------------------
// Other forms the rules name

describe("parseDeadline: other date forms", () => {
  it.each<Expectation>([
    { text: "05.04.2023", period: LAZO_2023, kind: "dated", intervals: [iv("2023-04-05")] },
    { text: "5.04.23", period: LAZO_2023, kind: "dated", intervals: [iv("2023-04-05")] },
    { text: "до 01.09.2021", period: IVANOVO, kind: "dated", byDate: true, intervals: [iv("2021-09-01")] },
    { text: "с 01.09.2020 по 31.05.2021", period: IVANOVO, kind: "dated", intervals: [iv("2020-09-01", "2021-05-31")] },
    { text: "15 марта 2023 г.", period: LAZO_2023, kind: "dated", intervals: [iv("2023-03-15")] },
    { text: "15-20 марта 2023", period: LAZO_2023, kind: "dated", intervals: [iv("2023-03-15", "2023-03-20")] },
    { text: "До марта 2024 г.", period: LAZO_2023, kind: "dated", byDate: true, intervals: [iv("2024-03-31")] },
    { text: "До февраля 2024", period: LAZO_2023, kind: "dated", byDate: true, intervals: [iv("2024-02-29")] },
    { text: "I квартал 2023", period: LAZO_2023, kind: "dated", intervals: [iv("2023-01-01", "2023-03-31")] },
    { text: "1 кв. 2023", period: LAZO_2023, kind: "dated", intervals: [iv("2023-01-01", "2023-03-31")] },
    { text: "IV квартал 2024 года", period: LAZO_2023, kind: "dated", intervals: [iv("2024-10-01", "2024-12-31")] },
    { text: "I полугодие 2023", period: LAZO_2023, kind: "dated", intervals: [iv("2023-01-01", "2023-06-30")] },
    { text: "второе полугодие 2024 г.", period: LAZO_2023, kind: "dated", intervals: [iv("2024-07-01", "2024-12-31")] },
    { text: "второе полугодие", period: IVANOVO, kind: "dated", intervals: [iv("2021-01-01", "2021-05-31")] },
    { text: "2020-2021 учебный год", period: IVANOVO, kind: "dated", intervals: [iv("2020-09-01", "2021-08-31")] },
    { text: "2020/2021 уч. год", period: IVANOVO, kind: "dated", intervals: [iv("2020-09-01", "2021-08-31")] },
    { text: "сент. 2023", period: LAZO_2023, kind: "dated", intervals: [iv("2023-09-01", "2023-09-30")] },
    { text: "в январе 2024 года", period: LAZO_2023, kind: "dated", intervals: [iv("2024-01-01", "2024-01-31")] },
    {
      text: "Сентябрь 2020 – август 2021",
      period: IVANOVO,
      kind: "dated",
      intervals: [iv("2020-09-01", "2021-08-31")],
    },
    { text: "2021 – 2024 гг.", period: URITSKY, kind: "dated", intervals: [iv("2021-01-01", "2024-12-31")] },
    { text: "2 года (2023 – 2024 гг.)", period: LAZO_2023, kind: "dated", intervals: [iv("2023-01-01", "2024-12-31")] },
    { text: "ноябрь-февраль", period: IVANOVO, kind: "dated", intervals: [iv("2020-11-01", "2021-02-28")] },
    { text: "Декабрь январь", period: IVANOVO, kind: "dated", intervals: [iv("2020-12-01", "2021-01-31")] },
    { text: "Декабрь - февраль 2021", period: IVANOVO, kind: "dated", intervals: [iv("2020-12-01", "2021-02-28")] },
    { text: "Сентябрь 2023 - май", period: LAZO_2023, kind: "dated", intervals: [iv("2023-09-01", "2024-05-31")] },
    {
      text: "Ежегодно, до 15 сентября",
      period: KOVROV,
      kind: "dated",
      recurring: "annually",
      byDate: true,
      intervals: [iv("2021-09-15"), iv("2022-09-15"), iv("2023-09-15")],
    },
    {
      text: "с 1 по 15 сентября 2023 г.",
      period: LAZO_2023,
      kind: "dated",
      intervals: [iv("2023-09-01", "2023-09-15")],
    },
    {
      text: "Сентябрь 2020 – 21 мая 2021",
      period: IVANOVO,
      kind: "dated",
      intervals: [iv("2020-09-01", "2021-05-21")],
    },
    { text: "2020/21 уч. г.", period: IVANOVO, kind: "dated", intervals: [iv("2020-09-01", "2021-08-31")] },
    {
      text: "С сентября по май",
      period: IVANOVO,
      kind: "dated",
      intervals: [iv("2020-09-01", "2021-05-31")],
    },
    {
      text: "До конца года",
      period: LAZO_2023,
      kind: "dated",
      byDate: true,
      intervals: [iv("2023-12-31"), iv("2024-12-31")],
    },
    {
      text: "До 29 февраля",
      period: LAZO_2020,
      kind: "dated",
      byDate: true,
      // only 2020 has a 29th of February
      intervals: [iv("2020-02-29")],
    },
    {
      text: "май 2021, 2022",
      period: URITSKY,
      kind: "dated",
      intervals: [iv("2021-05-01", "2021-05-31"), iv("2022-05-01", "2022-05-31")],
    },
    {
      text: "Март, апрель;\nмай 2024",
      period: LAZO_2023,
      kind: "dated",
      // «;» closes the group: March and April recur, only May takes 2024.
      intervals: [
        iv("2023-03-01", "2023-03-31"),
        iv("2023-04-01", "2023-04-30"),
        iv("2024-03-01", "2024-03-31"),
        iv("2024-04-01", "2024-04-30"),
        iv("2024-05-01", "2024-05-31"),
      ],
    },
  ])("$text", (e) => {
    expectDeadline(e);
  });

  it.each<readonly [string, NonNullable<Deadline["recurring"]>]>([
    ["Ежемесячно", "monthly"],
    ["Ежеквартально", "quarterly"],
    ["по итогам полугодий", "half_yearly"],
    ["Весь период", "whole_period"],
    ["В течение срока реализации проекта", "whole_period"],
    ["По графику", "by_schedule"],
    ["по запросу", "on_request"],
    ["По мере необходимости", "on_request"],
    ["Не реже двух раз в год", "times_per_year"],
    ["Один раз в год", "annually"],
    ["Систематически", "permanent"],
    ["По итогам реализации проекта", "period_end"],
    ["В течение учебного года", "during_year"],
    ["Ежемесячно до 5 числа", "monthly"],
    ["По согласованию", "on_request"],
    ["1 раз в полугодие", "half_yearly"],
  ])("%s is the recurring term %s", (text, term) => {
    const d = parseDeadline(text, URITSKY);
    expect([d.kind, d.recurring, d.intervals]).toEqual(["recurring", term, []]);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. What must not parse, and non-text cells

describe("parseDeadline: unparsed deadlines", () => {
  it.each([
    "Когда-нибудь",
    "32.13.2023",
    "Сентяберь 2023",
    "31.02.2023",
    "30 февраля",
    "Ежегодно, сентяберь",
    "Март 20233",
    "Октябр 2023",
    "г.",
    "в течение",
  ])("%s is unparsed and the problem quotes it", (text) => {
    const d = parseDeadline(text, LAZO_2023);
    expect(d.kind).toBe("unparsed");
    expect(d.intervals).toEqual([]);
    expect(d.problem).toContain(`"${text}"`);
    expect(d.text).toBe(text);
  });

  it("names the broken token", () => {
    expect(parseDeadline("32.13.2023", LAZO_2023).problem).toContain("несуществующая дата «32.13.2023»");
    expect(parseDeadline("Сентяберь 2023", LAZO_2023).problem).toContain("«сентяберь»");
  });

  it("quotes a multi-line text on one line", () => {
    const d = parseDeadline("Когда\nнибудь", LAZO_2023);
    expect(d.problem).toBe('не удалось распознать срок: "Когда нибудь"');
  });

  it.each(["", "  ", "\n\t "])("blank %j: «срок не указан»", (text) => {
    const d = parseDeadline(text, LAZO_2023);
    expect(d).toEqual({ text, kind: "unparsed", intervals: [], problem: "срок не указан" });
  });

  it("null: «срок не указан»", () => {
    expect(parseDeadline(null, LAZO_2023)).toMatchObject({ kind: "unparsed", problem: "срок не указан" });
  });

  it("a reversed range is reported", () => {
    const d = parseDeadline("Май 2024 - март 2023", LAZO_2023);
    expect(d.kind).toBe("unparsed");
    expect(d.problem).toContain("конец срока раньше начала");
  });

  it("booleans and errors name what was found", () => {
    expect(parseDeadline(true, LAZO_2023)).toMatchObject({ kind: "unparsed", text: "ИСТИНА" });
    expect(parseDeadline(true, LAZO_2023).problem).toContain("ИСТИНА");
    expect(parseDeadline(false, LAZO_2023).problem).toContain("ЛОЖЬ");
    const e = parseDeadline({ error: "#REF!" }, LAZO_2023);
    expect(e.kind).toBe("unparsed");
    expect(e.problem).toContain("#REF!");
  });
});

describe("parseDeadline: dates and numbers", () => {
  it("a Date is that day", () => {
    const d = parseDeadline(new Date(Date.UTC(2023, 3, 5)), LAZO_2023);
    expect(d).toEqual({ text: "05.04.2023", kind: "dated", intervals: [iv("2023-04-05")] });
  });

  it("an invalid Date is unparsed", () => {
    expect(parseDeadline(new Date(Number.NaN), LAZO_2023).kind).toBe("unparsed");
  });

  it("a year number is the whole year", () => {
    expect(parseDeadline(2023, LAZO_2023)).toMatchObject({
      kind: "dated",
      intervals: [iv("2023-01-01", "2023-12-31")],
    });
  });

  it("an Excel serial number is a date", () => {
    expect(parseDeadline(45000, LAZO_2023)).toMatchObject({ kind: "dated", intervals: [iv("2023-03-15")] });
    expect(parseDeadline(25569, LAZO_2023).kind).toBe("unparsed"); // 1970 is below the serial range
    expect(parseDeadline(36526, LAZO_2023).intervals).toEqual([iv("2000-01-01")]);
    expect(parseDeadline(45000.75, LAZO_2023).intervals).toEqual([iv("2023-03-15")]);
  });

  it.each([0, 5, 1989.5, 2101, 123456, -3, Number.NaN, Number.POSITIVE_INFINITY])("%p is unparsed", (n) => {
    const d = parseDeadline(n, LAZO_2023);
    expect(d.kind).toBe("unparsed");
    expect(d.problem).toBeDefined();
  });
});

describe("lastDate", () => {
  it("is the latest end", () => {
    expect(lastDate(parseDeadline("Март, август, ноябрь 2023, 2024 гг.", LAZO_2023))).toBe("2024-11-30");
    expect(lastDate(parseDeadline("До 05 апреля 2023 г.", LAZO_2023))).toBe("2023-04-05");
  });

  it("is null without intervals", () => {
    expect(lastDate(parseDeadline("Постоянно", LAZO_2023))).toBeNull();
    expect(lastDate(parseDeadline("Когда-нибудь", LAZO_2023))).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Properties

const PERIODS: readonly DeadlinePeriod[] = [LAZO_2020, IVANOVO, URITSKY, LAZO_2023, KOVROV];

/** Why a deadline is malformed, or null; one `expect` per run keeps the properties fast. */
function malformation(d: Deadline): string | null {
  if (!["dated", "recurring", "unparsed"].includes(d.kind)) return `kind ${String(d.kind)}`;
  if ((d.kind === "dated") !== d.intervals.length > 0) return "kind dated iff intervals";
  if (d.kind === "unparsed" && typeof d.problem !== "string") return "unparsed without a problem";
  let prevStart = "";
  for (const i of d.intervals) {
    if (!isValidIsoDate(i.start) || !isValidIsoDate(i.end)) return `invalid date in ${JSON.stringify(i)}`;
    if (i.start > i.end) return `start after end in ${JSON.stringify(i)}`;
    if (i.start < prevStart) return "intervals not sorted by start";
    prevStart = i.start;
  }
  return null;
}

function checkWellFormed(d: Deadline): void {
  const why = malformation(d);
  if (why !== null) expect([d, why]).toEqual([d, null]);
}

/** Deadline-like words, so random texts often parse into intervals. */
const VOCABULARY = [
  "январь",
  "февраля",
  "марте",
  "апр.",
  "май",
  "июня",
  "июль",
  "августа",
  "сент.",
  "октябрь",
  "ноября",
  "декабрь",
  "2020",
  "2021",
  "2023",
  "2024",
  "2099",
  "1",
  "15",
  "31",
  "29",
  "05.04.2023",
  "31.12.2024",
  "29.02.2023",
  "г.",
  "гг.",
  "года",
  "г.г.",
  "-",
  "–",
  "—",
  ",",
  ";",
  ":",
  "(",
  ")",
  "до",
  "с",
  "по",
  "в течение",
  "ежегодно",
  "I",
  "II",
  "квартал",
  "полугодие",
  "учебный год",
  "далее",
  "корректировка",
  "раза в год",
  "2",
  "3",
  "\n",
];

const periodArb = fc.oneof(
  fc.constantFrom(...PERIODS),
  fc
    .tuple(fc.integer({ min: 1990, max: 2090 }), fc.integer({ min: 0, max: 5 }), fc.boolean())
    .map(([y, len, school]): DeadlinePeriod =>
      school
        ? { start: `${y}-09-01`, end: `${y + 1}-08-31`, schoolYear: true }
        : { start: `${y}-01-01`, end: `${y + len}-12-31`, schoolYear: false },
    ),
);

describe("parseDeadline: properties", () => {
  it.each<readonly [string, fc.Arbitrary<string>, number]>([
    ["UTF-16 strings", fc.string(), 1000],
    ["full Unicode strings", fc.string({ unit: "binary" }), 400],
    ["grapheme strings", fc.string({ unit: "grapheme" }), 400],
    [
      "deadline-like word salad",
      fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 12 }).map((ws) => ws.join(" ")),
      1000,
    ],
  ])("never throws on %s", (_name, texts, numRuns) => {
    fc.assert(
      fc.property(texts, periodArb, (s, period) => {
        checkWellFormed(parseDeadline(s, period));
      }),
      { numRuns },
    );
  });

  it("never throws on arbitrary cell values, even with a broken period", () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.integer({ min: 20000, max: 90000 }),
      fc.boolean(),
      fc.date(),
      fc.constant(null),
      fc.record({ error: fc.string() }),
    );
    const badPeriod: fc.Arbitrary<DeadlinePeriod> = fc.record({
      start: fc.oneof(fc.string(), fc.constant("2024-01-01")),
      end: fc.oneof(fc.string(), fc.constant("2023-01-01")),
      schoolYear: fc.boolean(),
    });
    fc.assert(
      fc.property(cell, fc.oneof(periodArb, badPeriod), (v, period) => {
        checkWellFormed(parseDeadline(v, period));
      }),
      { numRuns: 1000 },
    );
  });

  it("intervals are valid, ordered ISO dates with start <= end", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 8 }).map((ws) => ws.join(" ")),
        periodArb,
        (s, period) => {
          checkWellFormed(parseDeadline(s, period));
        },
      ),
      { numRuns: 1500 },
    );
  });

  /** Texts the stability property rewrites, each with its period. */
  const STABLE: ReadonlyArray<readonly [string, DeadlinePeriod]> = [
    ...DOMAIN_EXAMPLES.map((e) => [e.text, e.period] as const),
    ["Март    \n2023 г. – апрель     \n2024 г.", LAZO_2023],
    ["Июль – \nавгуст 2023, 2024 гг.", LAZO_2023],
    ["Январь, \nапрель 2023 г.", LAZO_2023],
    ["Ежегодно: Ноябрь-декабрь Июнь-август", KOVROV],
    ["Ежегодно, Октябрь, Январь, май", KOVROV],
    ["с 01.09.2020 по 31.05.2021", IVANOVO],
    ["Апрель – \nноябрь", LAZO_2023],
  ];
  const SPACES = [" ", "  ", "\n", " \n ", "\u00A0", "\t"];
  const DASHES = ["-", "–", "—", "\u2011", "\u2212"];
  const SUFFIXES = ["г.", "гг.", "года", "г.г.", ""];

  /** Rewrite `text` with choices taken (cyclically) from `picks`. */
  function variant(text: string, picks: readonly number[]): string {
    let k = 0;
    const pick = <T>(xs: readonly T[]): T => {
      const n = picks.length === 0 ? 0 : (picks[k++ % picks.length] ?? 0);
      return xs[n % xs.length] as T;
    };
    return text
      .replace(/(\d)\s*(?:г\.\s*г\.|гг\.|г\.|года)(?![\p{L}])/gu, (_m, digit: string) => {
        const suffix = pick(SUFFIXES);
        return suffix === "" ? digit : `${digit}${pick(["", " "])}${suffix}`;
      })
      .replace(/\s*[-–—‑−]\s*/g, () => `${pick(["", " "])}${pick(DASHES)}${pick(["", " "])}`)
      .replace(/\s+/g, () => pick(SPACES));
  }

  it("is stable under spacing, line breaks, dash variants and year suffixes", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STABLE),
        fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 24 }),
        ([text, period], picks) => {
          const base = parseDeadline(text, period);
          expect(base.kind).not.toBe("unparsed");
          const changed = variant(text, picks);
          const d = parseDeadline(changed, period);
          expect([changed, d.kind, d.intervals, d.byDate === true]).toEqual([
            changed,
            base.kind,
            base.intervals,
            base.byDate === true,
          ]);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("the rewriting really changes texts (guards the stability property)", () => {
    expect(variant("Март 2023 г. – апрель 2024 г.", [0, 1, 2, 3])).not.toBe("Март 2023 г. – апрель 2024 г.");
    expect(variant("2020-2022 г.г.", [4])).toBe("2020\u22122022");
  });
});
