/**
 * Consolidation samples (seed 003, Lazo district, «Эффективная школа» 2023–2024): a methodist's
 * master workbook and four files sent back by schools, with the rows of the Lazo monitoring
 * sample (`../monitoring/lazo-monitoring.ts`) for the schools they cover. See README.md beside
 * this file for what each file holds and what consolidating them gives.
 *
 * Built by `npm run build:samples` (the `buildSamples` export): the three files made from the
 * blank template are `sverka template effektivnaya-shkola-2023` filled in; the fourth is a
 * school's own table (columns in another order, an extra column, names spelled its own way).
 */
import { findTemplate } from "../../src/core/templates";
import { writeBlankTemplate } from "../../src/hosts/xlsx/blankTemplate";
import { fillWorkbook } from "../../src/hosts/xlsx/consolidate";
import { gridToXlsx } from "../../src/hosts/xlsx/writeGrid";
import { sample as lazo } from "../monitoring/lazo-monitoring";
import type { BuiltSample, SampleCell, SampleSheet } from "../types";

const TEMPLATE_ID = "effektivnaya-shkola-2023";

/** Files under samples/. */
export const MASTER = "schools/svod-lazo-2023.xlsx";
export const KHOR = "schools/oo-khor.xlsx";
export const MUKHEN = "schools/oo-mukhen.xlsx";
export const BICHEVAYA = "schools/oo-bichevaya.xlsx";
export const KRUGLIKOVO = "schools/oo-kruglikovo.xlsx";
export const SCHOOL_FILES = [KHOR, MUKHEN, BICHEVAYA, KRUGLIKOVO] as const;

const fileName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

function lazoSheet(name: string): SampleSheet {
  const s = lazo.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`lazo sample has no sheet ${name}`);
  return s;
}

/**
 * A school's rows of a Lazo sheet (header excluded). «Процедуры»: the 2022 rows without
 * «ВПР 7 кл. история» (written for some schools only), i.e. the nine deciding procedures and
 * ВПР 4, 7, 8 кл. математика — twelve rows per secondary school.
 */
export function lazoRows(sheet: string, school: string): SampleCell[][] {
  return lazoSheet(sheet)
    .rows.slice(1)
    .filter((r) => r[0] === school && (sheet !== "Процедуры" || (r[1] === 2022 && r[2] !== "ВПР 7 кл. история")))
    .map((r) => [...r]);
}

/** The monitoring sheets a school fills (not «Мероприятия»: events are the district's). */
export const SCHOOL_SHEETS = ["Школы", "Успеваемость", "Процедуры", "Кадры", "Сеть", "ГИА"] as const;

async function fromBlank(schools: readonly string[]): Promise<Uint8Array> {
  const template = findTemplate(TEMPLATE_ID);
  if (!template) throw new Error(`no template ${TEMPLATE_ID}`);
  const blank = await writeBlankTemplate(template);
  const cells = (rows: SampleCell[][]) =>
    rows.map((r) => r.map((v) => (v !== null && typeof v === "object" && !(v instanceof Date) ? v.error : v)));
  return fillWorkbook(
    blank,
    SCHOOL_SHEETS.map((sheet) => ({ sheet, startRow: 2, rows: cells(schools.flatMap((s) => lazoRows(sheet, s))) })),
  );
}

const KHOR_1 = "МБОУ СОШ № 1 р.п. Хор";
const KHOR_3 = "МБОУ СОШ № 3 р.п. Хор";
export const KRUGLIKOVO_SCHOOL = "МБОУ СОШ с. Кругликово";
/** How the Kruglikovo file spells МБОУ СОШ № 3 р.п. Хор (the same school by its key). */
export const KHOR_3_AS_WRITTEN = "СОШ №3 р.п.Хор";

/** The Kruglikovo file: its own table. «Процедуры» columns reordered, «Примечание» added. */
function kruglikovo(): { file: string; sheets: SampleSheet[] } {
  const registry = lazoSheet("Школы");
  const reg = (school: string, written: string) => {
    const row = registry.rows.find((r) => r[0] === school);
    if (!row) throw new Error(`no ${school}`);
    return [written, ...row.slice(1)];
  };
  const procedures: SampleCell[][] = [
    ["Процедура", "ОО", "Год", "Участников", "«5»", "«4»", "«3»", "«2» / не преодолели порог", "Примечание"],
  ];
  for (const [school, written] of [
    [KRUGLIKOVO_SCHOOL, KRUGLIKOVO_SCHOOL],
    [KHOR_3, KHOR_3_AS_WRITTEN],
  ])
    for (const [, year, procedure, participants, m2, m3, m4, m5] of lazoRows("Процедуры", school))
      procedures.push([
        procedure,
        written,
        year,
        participants,
        m5,
        m4,
        m3,
        m2,
        procedure === "ВПР 8 кл. математика" ? "данные уточнены" : null,
      ]);
  return {
    file: KRUGLIKOVO,
    sheets: [
      {
        name: "Школы",
        rows: [registry.rows[0], reg(KRUGLIKOVO_SCHOOL, KRUGLIKOVO_SCHOOL), reg(KHOR_3, KHOR_3_AS_WRITTEN)],
      },
      { name: "Процедуры", rows: procedures },
      { name: "_sverka", state: "veryHidden", rows: [["sverka.template", TEMPLATE_ID]] },
    ],
  };
}

/** Rows of an earlier import of the Mukhen file, already in the master (older figures). */
export const MUKHEN_EARLIER: SampleCell[][] = [
  ["МБОУ СОШ р.п. Мухен", "2021/2022", 310, 279, 15, 70, 14, fileName(MUKHEN)],
  ["МБОУ СОШ р.п. Мухен", "2022/2023", 300, 265, 9, 60, 7, fileName(MUKHEN)],
];

/** The master: the district's registry, «Успеваемость» with one earlier import, the methodist's own notes. */
function master(): { file: string; sheets: SampleSheet[] } {
  const grades = lazoSheet("Успеваемость");
  return {
    file: MASTER,
    sheets: [
      lazoSheet("Школы"),
      { name: "Успеваемость", rows: [[...grades.rows[0], "Источник"], ...MUKHEN_EARLIER], widths: grades.widths },
      {
        name: "Справка",
        rows: [
          ["Сводная книга мониторинга проекта «Эффективная школа», Лазовский муниципальный район"],
          ["Ведёт: МБУ ИМЦ. Файлы школ сводятся командой «sverka consolidate»; столбец «Источник» — имя файла школы."],
        ],
        widths: [100],
      },
      { name: "_sverka", state: "veryHidden", rows: [["sverka.template", TEMPLATE_ID]] },
    ],
  };
}

export async function buildSamples(): Promise<BuiltSample[]> {
  const d = kruglikovo();
  const m = master();
  return [
    {
      file: MASTER,
      bytes: await gridToXlsx(m),
      description: "сводная книга: реестр 29 школ, «Успеваемость» с прежним импортом oo-mukhen.xlsx",
    },
    { file: KHOR, bytes: await fromBlank([KHOR_1, KHOR_3]), description: `бланк шаблона: ${KHOR_1}, ${KHOR_3}` },
    {
      file: MUKHEN,
      bytes: await fromBlank(["МБОУ СОШ р.п. Мухен"]),
      description: "бланк шаблона: МБОУ СОШ р.п. Мухен (повторный импорт)",
    },
    {
      file: BICHEVAYA,
      bytes: await fromBlank(["МБОУ СОШ с. Бичевая"]),
      description: "бланк шаблона: МБОУ СОШ с. Бичевая (ошибка SUM_MISMATCH)",
    },
    {
      file: KRUGLIKOVO,
      bytes: await gridToXlsx(d),
      description: `своя таблица школы: ${KRUGLIKOVO_SCHOOL} и «${KHOR_3_AS_WRITTEN}» (повтор)`,
    },
  ];
}
