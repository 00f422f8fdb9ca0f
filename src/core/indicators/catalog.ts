/**
 * The indicators of DOMAIN.md «Indicators», declared once over the seven monitoring sheets. Every
 * built-in template carries all of them (with the targets its seed gives): the monitoring sheets
 * carry their data, and an indicator whose sheet is absent reports «нет данных».
 */
import type { IndicatorSpecInput, Target } from "../template/schema";

export const INDICATOR_IDS = [
  "quality_pct",
  "success_pct",
  "excellent_growth",
  "vpr_coped_pct",
  "low_result",
  "shnor_status",
  "shnor_share",
  "unobjective_share",
  "kpk_shnor_pct",
  "teacher_coverage_pct",
  "kpk_per_school",
  "measures_share",
  "programs_pct",
  "agreements_pct",
  "network_share",
  "network_share_target",
  "network_teachers_pct",
  "events_count",
  "event_shnor_participation",
  "plan_done_pct",
  "oge12_pct",
  "ege_min_pct",
  "ege220_pct",
  "staffing_pct",
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** Targets per indicator id; an indicator not listed has no target. */
export type CatalogTargets = Partial<Record<IndicatorId, Target[]>>;

type Spec = Omit<IndicatorSpecInput, "targets">;

const yes = true;

type Scope = "municipality" | "school";

/**
 * Fresh declarations on every call (templates own their copies). «Успеваемость» is per school
 * year; the other sheets per calendar year.
 */
function specs(): Record<IndicatorId, Spec> {
  const BOTH = (): Scope[] => ["municipality", "school"];
  return {
    quality_pct: {
      id: "quality_pct",
      title: "Процент качества знаний",
      unit: "%",
      numerator: { sheet: "grades", op: "sum", columns: ["excellent", "good"] },
      denominator: { sheet: "grades", op: "sum", column: "assessed" },
      scale: 100,
      period: { kind: "school_year" },
      scope: BOTH(),
    },
    success_pct: {
      id: "success_pct",
      title: "Успеваемость",
      unit: "%",
      numerator: { sheet: "grades", op: "diff", column: "assessed", minus: ["failing"] },
      denominator: { sheet: "grades", op: "sum", column: "assessed" },
      scale: 100,
      period: { kind: "school_year" },
      scope: BOTH(),
    },
    excellent_growth: {
      id: "excellent_growth",
      title: "Рост числа отличников",
      unit: "чел.",
      kind: "period_delta",
      numerator: { sheet: "grades", op: "sum", column: "excellent" },
      period: { kind: "school_year" },
      scope: ["municipality"],
    },
    vpr_coped_pct: {
      id: "vpr_coped_pct",
      title: "Доля справившихся с ВПР",
      unit: "%",
      numerator: {
        sheet: "procedures",
        op: "sum",
        columns: ["m3", "m4", "m5"],
        where: [{ column: "procedure", procedureKind: "ВПР" }],
      },
      denominator: {
        sheet: "procedures",
        op: "sum",
        column: "participants",
        where: [{ column: "procedure", procedureKind: "ВПР" }],
      },
      scale: 100,
      period: { kind: "year" },
      scope: BOTH(),
      byGrade: true,
    },
    low_result: {
      id: "low_result",
      title: "Низкий результат процедуры",
      unit: "%",
      kind: "low_result",
      period: { kind: "year", sheet: "procedures" },
      scope: ["school"],
    },
    shnor_status: {
      id: "shnor_status",
      title: "Школа в группе ШНОР по итогам года",
      unit: "",
      kind: "shnor_status",
      period: { kind: "year", sheet: "procedures" },
      scope: ["school"],
    },
    shnor_share: {
      id: "shnor_share",
      title: "Доля ШНОР",
      unit: "%",
      numerator: { sheet: "schools", op: "count_schools", schools: "shnor" },
      denominator: { sheet: "schools", op: "count_schools" },
      scale: 100,
      period: { kind: "year", sheet: "procedures" },
    },
    unobjective_share: {
      id: "unobjective_share",
      title: "Доля школ в перечне с необъективными результатами",
      unit: "%",
      numerator: { sheet: "schools", op: "count_schools", where: [{ column: "unobjective", eq: yes }] },
      denominator: { sheet: "schools", op: "count_schools" },
      scale: 100,
      period: { kind: "report_date" },
    },
    kpk_shnor_pct: {
      id: "kpk_shnor_pct",
      title: "Доля педагогов ШНОР, прошедших КПК",
      unit: "%",
      numerator: { sheet: "staff", op: "sum", column: "kpk" },
      denominator: { sheet: "staff", op: "sum", column: "teachers" },
      scale: 100,
      schools: "shnor",
      period: { kind: "year" },
      scope: BOTH(),
    },
    teacher_coverage_pct: {
      id: "teacher_coverage_pct",
      title: "Охват педагогов проектом",
      unit: "%",
      numerator: { sheet: "staff", op: "sum", column: "in_project" },
      denominator: { sheet: "staff", op: "sum", column: "teachers" },
      scale: 100,
      period: { kind: "year" },
      scope: BOTH(),
    },
    kpk_per_school: {
      id: "kpk_per_school",
      title: "КПК не менее 32 ч: доля ШНОР и ШНСУ, направивших не менее 5 человек",
      unit: "%",
      schoolUnit: "чел.",
      kind: "school_threshold",
      numerator: { sheet: "staff", op: "sum", column: "kpk32" },
      denominator: { sheet: "schools", op: "count_schools" },
      threshold: 5,
      scale: 100,
      schools: "shnor_shnsu",
      period: { kind: "year" },
      scope: BOTH(),
    },
    measures_share: {
      id: "measures_share",
      title: "Доля ОО (ШНОР, ШНСУ) с мероприятиями по повышению качества, в общем числе ОО",
      unit: "%",
      numerator: {
        sheet: "network",
        op: "count_schools",
        where: [{ column: "program", eq: yes }],
        schools: "shnor_shnsu",
      },
      denominator: { sheet: "schools", op: "count_schools" },
      scale: 100,
      period: { kind: "year" },
    },
    programs_pct: {
      id: "programs_pct",
      title: "ОО-участницы с разработанной и размещённой школьной программой",
      unit: "%",
      numerator: {
        sheet: "network",
        op: "count_schools",
        where: [
          { column: "program", eq: yes },
          { column: "program_online", eq: yes },
        ],
      },
      denominator: { sheet: "schools", op: "count_schools" },
      scale: 100,
      schools: "participants",
      period: { kind: "year" },
    },
    agreements_pct: {
      id: "agreements_pct",
      title: "ОО-участницы с договором со школой-куратором",
      unit: "%",
      numerator: { sheet: "network", op: "count_schools", where: [{ column: "agreement", eq: yes }] },
      denominator: { sheet: "schools", op: "count_schools" },
      scale: 100,
      schools: "participants",
      period: { kind: "year" },
    },
    network_share: {
      id: "network_share",
      title: "Доля ОО, вовлечённых в сетевое взаимодействие со ШЛ",
      unit: "%",
      numerator: { sheet: "network", op: "count_schools", where: [{ column: "network", eq: yes }] },
      denominator: { sheet: "schools", op: "count_schools" },
      scale: 100,
      period: { kind: "year" },
    },
    network_share_target: {
      id: "network_share_target",
      title: "Доля ШНОР и ШНСУ, вовлечённых в сетевое взаимодействие со ШЛ",
      unit: "%",
      numerator: { sheet: "network", op: "count_schools", where: [{ column: "network", eq: yes }] },
      denominator: { sheet: "schools", op: "count_schools" },
      scale: 100,
      schools: "shnor_shnsu",
      period: { kind: "year" },
    },
    network_teachers_pct: {
      id: "network_teachers_pct",
      title: "Доля педагогов, охваченных сетевыми мероприятиями",
      unit: "%",
      numerator: { sheet: "staff", op: "sum", column: "in_network_events" },
      denominator: { sheet: "staff", op: "sum", column: "teachers" },
      scale: 100,
      period: { kind: "year" },
      scope: BOTH(),
    },
    events_count: {
      id: "events_count",
      title: "Районных методических событий за год",
      unit: "ед.",
      numerator: { sheet: "events", op: "count", where: [{ column: "level", eq: "муниципальный" }] },
      period: { kind: "year" },
    },
    event_shnor_participation: {
      id: "event_shnor_participation",
      title: "Доля ШНОР, представленных на мероприятии (среднее за год)",
      unit: "%",
      kind: "event_share",
      numerator: { sheet: "events", op: "count" },
      scale: 100,
      schools: "shnor",
      period: { kind: "year" },
    },
    plan_done_pct: {
      id: "plan_done_pct",
      title: "Выполнение плана-графика",
      unit: "%",
      kind: "plan_done",
      period: { kind: "report_date" },
    },
    oge12_pct: {
      id: "oge12_pct",
      title: "Доля выпускников 9 кл., набравших не менее 12 баллов по сумме ОГЭ по 4 предметам",
      unit: "%",
      numerator: { sheet: "gia", op: "sum", column: "oge12" },
      denominator: { sheet: "gia", op: "sum", column: "grads9" },
      scale: 100,
      period: { kind: "year" },
      scope: BOTH(),
    },
    ege_min_pct: {
      id: "ege_min_pct",
      title: "Доля выпускников 11 кл., преодолевших минимальный порог ЕГЭ по всем предметам",
      unit: "%",
      numerator: { sheet: "gia", op: "sum", column: "ege_min" },
      denominator: { sheet: "gia", op: "sum", column: "grads11" },
      scale: 100,
      period: { kind: "year" },
      scope: BOTH(),
    },
    ege220_pct: {
      id: "ege220_pct",
      title: "Доля выпускников 11 кл., набравших не менее 220 баллов по сумме ЕГЭ по 3 предметам",
      unit: "%",
      numerator: { sheet: "gia", op: "sum", column: "ege220" },
      denominator: { sheet: "gia", op: "sum", column: "grads11" },
      scale: 100,
      period: { kind: "year" },
      scope: BOTH(),
    },
    staffing_pct: {
      id: "staffing_pct",
      title: "Укомплектованность кадрами",
      unit: "%",
      numerator: { sheet: "staff", op: "diff", column: "posts", minus: ["vacancies"] },
      denominator: { sheet: "staff", op: "sum", column: "posts" },
      scale: 100,
      period: { kind: "year" },
      scope: BOTH(),
    },
  };
}

/** All indicators of DOMAIN.md with the given targets (fresh objects on every call). */
export function indicatorCatalog(targets: CatalogTargets = {}): IndicatorSpecInput[] {
  const all = specs();
  return INDICATOR_IDS.map((id) => ({ ...all[id], targets: (targets[id] ?? []).map((t) => ({ ...t })) }));
}
