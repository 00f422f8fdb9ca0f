/**
 * Installing the fake as the global `Office` and `Excel` (and `OfficeExtension`) on any global
 * object: jest's `globalThis`, or a real browser page's `window` before the add-in's scripts run.
 *
 * ```ts
 * import { installFakeOffice, fakeWorkbookFromData } from "./hosts/excel/fake";
 * const office = installFakeOffice(window, { apiVersion: "1.12", workbook: fakeWorkbookFromData(data) });
 * // … the add-in calls Office.onReady / Excel.run as in Excel …
 * office.workbook.grid("Отчёт ФЛК");        // inspect what the add-in wrote
 * office.stats.syncs, office.stats.maxRequestBytes
 * office.uninstall();
 * ```
 */
import { FakeWorkbook } from "./model";
import {
  FakeOfficeError,
  FakeRequestContext,
  FakeStats,
  versionAtMost,
  type FakeEnv,
  type FakeOptions,
} from "./objects";
import { PAYLOAD_LIMIT } from "../../payload";

export interface InstallOptions extends FakeOptions {
  /** The workbook Excel has open (default: one empty sheet «Лист1»). */
  workbook?: FakeWorkbook;
}

export interface FakeOfficeHandle {
  /** The open workbook (replace it with `open`). */
  readonly workbook: FakeWorkbook;
  readonly stats: FakeStats;
  /** Opens another workbook (as if the user switched files). */
  open(workbook: FakeWorkbook): void;
  /** Changes the supported ExcelApi version. */
  setApiVersion(version: string): void;
  /** Functions registered with `Office.actions.associate`. */
  readonly actions: Map<string, (event: unknown) => unknown>;
  /** Removes the globals (restores what was there before). */
  uninstall(): void;
}

type Target = Record<string, unknown>;

export function installFakeOffice(target: typeof globalThis, options: InstallOptions = {}): FakeOfficeHandle {
  const g = target as unknown as Target;
  const previous = { Office: g.Office, Excel: g.Excel, OfficeExtension: g.OfficeExtension };
  const stats = new FakeStats();
  let workbook =
    options.workbook ??
    (() => {
      const wb = new FakeWorkbook();
      wb.addSheet("Лист1");
      return wb;
    })();
  let apiVersion = options.apiVersion ?? "1.18";
  const actions = new Map<string, (event: unknown) => unknown>();

  const env = (): FakeEnv => ({
    model: workbook,
    stats,
    apiVersion,
    payloadLimit: options.payloadLimit ?? PAYLOAD_LIMIT,
  });

  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1];
    if (typeof batch !== "function") throw new TypeError("Excel.run needs a batch function");
    const context = new FakeRequestContext(env());
    try {
      const result = (await (batch as (c: FakeRequestContext) => Promise<T>)(context)) as T;
      if (context._fakePending() > 0) await context.sync();
      return result;
    } finally {
      context._fakeClose();
    }
  }

  const Office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    context: {
      displayLanguage: options.displayLanguage ?? "ru-RU",
      requirements: {
        isSetSupported: (name: string, minVersion?: string | number): boolean =>
          name === "ExcelApi" && versionAtMost(minVersion === undefined ? "1.1" : String(minVersion), apiVersion),
      },
    },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
    actions: {
      associate(name: string, fn: (event: unknown) => unknown) {
        actions.set(name, fn);
      },
    },
  };
  g.Office = Office;
  g.Excel = { run, ErrorCodes: { itemNotFound: "ItemNotFound", invalidArgument: "InvalidArgument" } };
  g.OfficeExtension = { Error: FakeOfficeError };

  return {
    get workbook() {
      return workbook;
    },
    stats,
    open(wb: FakeWorkbook) {
      workbook = wb;
    },
    setApiVersion(v: string) {
      apiVersion = v;
    },
    actions,
    uninstall() {
      for (const [k, v] of Object.entries(previous)) {
        if (v === undefined) delete g[k];
        else g[k] = v;
      }
    },
  };
}
