/** Print setup of Sverka's sheets: A4 landscape, one page wide, the project and the date in the header. */
import { ruDate } from "./grid";
import type { IsoDate } from "../model/dates";
import type { CellRange, PrintSetup } from "./types";

/** Longest project title in a header section (Excel allows 255 characters for the whole header). */
const MAX_HEADER_TITLE = 90;

/** Text inside a header or footer: «&» is written «&&». */
function headerText(s: string, max: number): string {
  const t = s.replace(/\s+/g, " ").trim();
  return (t.length > max ? `${t.slice(0, max - 1)}…` : t).replace(/&/g, "&&");
}

export interface PrintOptions {
  area: CellRange;
  titleRows?: { from: number; to: number };
  project: string;
  place?: string;
  /** The report date and the refresh date for the footer; absent = not printed. */
  asOf?: IsoDate;
  refreshedAt?: IsoDate;
}

export function landscapePrint(o: PrintOptions): PrintSetup {
  return {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: 1,
    fitToHeight: 0,
    ...(o.titleRows ? { titleRows: o.titleRows } : {}),
    area: o.area,
    header: `&L${headerText(o.project, MAX_HEADER_TITLE)}&R${headerText(o.place ?? "", 60)}`,
    footer: `&LСверка${o.asOf ? `: отчётная дата ${ruDate(o.asOf)}` : ""}${o.refreshedAt ? `, обновлено ${ruDate(o.refreshedAt)}` : ""}&RСтр. &P из &N`,
    margins: {
      left: 0.4,
      right: 0.4,
      top: 0.75,
      bottom: 0.75,
      header: 0.3,
      footer: 0.3,
    },
  };
}
