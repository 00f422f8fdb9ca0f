/**
 * Test fixtures: a clean seven-sheet monitoring workbook, built in code, and helpers to break
 * single cells of it. Used by the monitoring tests only.
 */
import { parseA1 } from "../../model/address";
import type { CellValue, MergedArea, SheetData, WorkbookData } from "../../model/sheet";

export interface MutableSheet extends SheetData {
  rows: CellValue[][];
  merges?: MergedArea[];
}

export interface MutableWorkbook extends WorkbookData {
  sheets: MutableSheet[];
}

export const S1 = "МБОУ «СОШ №1 с. Соколовка»";
export const S2 = "МБОУ СОШ №2";
export const S3 = "МКОУ ООШ п. Хор";

const d = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m - 1, day));

/** Every sheet, every row clean: validateMonitoring must raise nothing. */
export function cleanWorkbook(): MutableWorkbook {
  return {
    name: "monitoring.xlsx",
    sheets: [
      {
        name: "Школы",
        rows: [
          [
            "ОО",
            "Код ОО",
            "ШНОР (да/нет)",
            "ШНСУ (да/нет)",
            "Школа-лидер (да/нет)",
            "Участник проекта (да/нет)",
            "В перечне с необъективными результатами (да/нет)",
            "Уровень результатов",
          ],
          [S1, "001", "да", "нет", "нет", "да", "нет", "Умеренно неуспевающие"],
          [S2, "002", "нет", "да", "нет", "да", "нет", null],
          [S3, "003", "нет", "нет", "да", "нет", "нет", null],
        ],
      },
      {
        name: "Успеваемость",
        rows: [
          ["ОО", "Учебный год", "Обучающихся", "Аттестовано", "Отличников", "Ударников", "Неуспевающих"],
          [S1, "2021/2022", 100, 95, 10, 30, 5],
          [S2, "2021/2022", 200, 190, 20, 70, 2],
          [S3, "2021/2022", 50, 48, 3, 12, 0],
        ],
      },
      {
        name: "Процедуры",
        rows: [
          ["ОО", "Год", "Процедура", "Участников", "«2» / не преодолели порог", "«3»", "«4»", "«5»"],
          // School 1: low in 2021 and in 2022 → ШНОР (declared «да»).
          [S1, 2021, "ВПР 5 кл. математика", 10, 4, 3, 2, 1],
          [S1, 2022, "ОГЭ математика", 12, 4, 6, 2, 0],
          // School 2: nothing low → not ШНОР (declared «нет»).
          [S2, 2021, "ВПР 5 кл. русский язык", 20, 2, 8, 6, 4],
          [S2, 2022, "ЕГЭ математика профильная", 8, 1, null, null, null],
          // School 3: one year only → not computed.
          [S3, 2022, "ОГЭ русский язык", 9, 1, 4, 3, 1],
        ],
      },
      {
        name: "Кадры",
        rows: [
          [
            "ОО",
            "Год",
            "Педагогов",
            "Прошли КПК",
            "КПК по вопросам качества",
            "КПК не менее 32 ч",
            "В сетевых мероприятиях",
            "Участвуют в проекте",
            "Ставок",
            "Вакансий",
          ],
          [S1, 2022, 20, 15, 5, 6, 10, 18, 22.5, 1],
          [S2, 2022, 30, 30, 10, 5, 20, 25, 31, 0],
          [S3, 2022, 12, 8, 2, 1, 4, 6, 13, 0.5],
        ],
      },
      {
        name: "Сеть",
        rows: [
          [
            "ОО",
            "Год",
            "Сетевое взаимодействие со ШЛ (да/нет)",
            "Договор с куратором (да/нет)",
            "Программа повышения качества (да/нет)",
            "Программа на сайте (да/нет)",
            "Мероприятий на базе ОО",
          ],
          [S1, 2022, "да", "да", "да", "нет", 2],
          [S2, 2022, "нет", "нет", "да", "да", 0],
          [S3, 2022, "+", "-", "1", "0", 1],
        ],
      },
      {
        name: "ГИА",
        rows: [
          [
            "ОО",
            "Год",
            "Выпускников 9 кл.",
            "ОГЭ: не менее 12 баллов по 4 предметам",
            "Выпускников 11 кл.",
            "ЕГЭ: выше порога по всем предметам",
            "ЕГЭ: не менее 220 баллов по 3 предметам",
          ],
          [S1, 2022, 20, 15, 10, 9, 2],
          [S2, 2022, 40, 38, 20, 20, 6],
          [S3, 2022, 8, 6, null, null, null],
        ],
      },
      {
        name: "Мероприятия",
        rows: [
          ["Дата", "Мероприятие", "Уровень", "Площадка", "Участвовавшие ОО"],
          [d(2022, 3, 15), "Семинар «Формирующее оценивание»", "муниципальный", S2, `${S1}; ${S2}`],
          [d(2022, 10, 20), "Методический десант", "Муниципальный", S1, S3],
        ],
      },
    ],
  };
}

export function sheetOf(wb: MutableWorkbook, name: string): MutableSheet {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Set one cell by A1 address. */
export function setCell(wb: MutableWorkbook, sheet: string, address: string, value: CellValue): void {
  const s = sheetOf(wb, sheet);
  const { row, col } = parseA1(address);
  while (s.rows.length < row) s.rows.push([]);
  const r = s.rows[row - 1];
  while (r.length < col) r.push(null);
  r[col - 1] = value;
}

export function addRow(wb: MutableWorkbook, sheet: string, row: CellValue[]): number {
  const s = sheetOf(wb, sheet);
  s.rows.push(row);
  return s.rows.length;
}
