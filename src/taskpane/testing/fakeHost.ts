/**
 * A fake `WorkbookHost` for component tests: serves a real `WorkbookData` (built from the sample
 * grids), records every call, keeps settings and marks like a workbook would, reports reading
 * progress sheet by sheet, and can be told to fail a method or to hold `read` half-way.
 */
import type { DashboardBuild } from "../../core/dashboard/build";
import type { LayoutSheet } from "../../core/dashboard/types";
import type { WorkbookData } from "../../core/model/sheet";
import type { Issue } from "../../core/report/issue";
import type { Template } from "../../core/template/schema";
import type { ConsolidationPlan } from "../../core/consolidate/types";
import {
  consolidatedSheets,
  type ConsolidationOutcome,
  type ConsolidationUndoOutcome,
  type HostCapabilities,
  HostKind,
  HostNotice,
  MarkOutcome,
  ReadProgress,
  StoredSettings,
  WorkbookHost,
  WriteOutcome,
} from "../../hosts/host";
import { sample as lazoSample } from "../../../samples/monitoring/lazo-monitoring";
import { sample as effektivnayaSample } from "../../../samples/plans/effektivnaya-shkola-2023";
import { sample as uchitelSample } from "../../../samples/plans/uchitel-uchitelyu-2020";
import { sample as uritskySample } from "../../../samples/plans/uritsky-2021";
import { sampleToWorkbook } from "../../../samples/toWorkbook";

export type HostMethod = Exclude<keyof WorkbookHost, "kind" | "capabilities">;

export interface HostCall {
  method: HostMethod;
  args: unknown[];
}

export const FULL_CAPABILITIES: HostCapabilities = {
  marks: true,
  notes: true,
  charts: true,
  navigate: true,
  download: false,
};

export interface FakeHostOptions {
  workbook: WorkbookData;
  kind?: HostKind;
  capabilities?: Partial<HostCapabilities>;
  settings?: StoredSettings;
  /** Notices each writing method returns. */
  notices?: Partial<
    Record<"writeReport" | "writeDashboard" | "createBlankSheets" | "mark" | "applyConsolidation", HostNotice[]>
  >;
  /** The host consolidates (`applyConsolidation`) and, unless `false` here, undoes it. */
  consolidate?: { undo?: boolean };
}

/** JSON round trip: what a workbook stores is a copy, never the caller's object. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export class FakeHost implements WorkbookHost {
  readonly kind: HostKind;
  readonly capabilities: HostCapabilities;
  readonly calls: HostCall[] = [];
  settings: StoredSettings;
  /** `sheet!A1` of every marked cell. */
  readonly marked = new Set<string>();
  private readonly failures = new Map<HostMethod, unknown>();
  private gate: Promise<void> | null = null;
  private readonly notices: NonNullable<FakeHostOptions["notices"]>;
  readonly workbook: WorkbookData;

  constructor(options: FakeHostOptions) {
    this.workbook = options.workbook;
    this.kind = options.kind ?? "excel";
    this.capabilities = { ...FULL_CAPABILITIES, ...options.capabilities };
    this.settings = copy(options.settings ?? {});
    this.notices = options.notices ?? {};
    if (this.capabilities.download) this.download = this.downloadImpl;
    if (options.consolidate) {
      this.applyConsolidation = this.applyConsolidationImpl;
      if (options.consolidate.undo !== false) {
        this.undoConsolidation = this.undoConsolidationImpl;
        this.canUndoConsolidation = this.canUndoConsolidationImpl;
      }
    }
  }

  /** The plans applied and not undone, last one last. */
  readonly consolidations: ConsolidationPlan[] = [];

  /** The next call of `method` throws `error` (once). */
  failNext(method: HostMethod, error: unknown): void {
    this.failures.set(method, error);
  }

  /** Makes `read` stop after reporting the first sheet until the returned function is called. */
  holdRead(): () => void {
    let release = () => {};
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.gate = null;
      release();
    };
  }

  callsOf(method: HostMethod): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private async enter(method: HostMethod, args: unknown[]): Promise<void> {
    this.calls.push({ method, args });
    await Promise.resolve();
    const failure = this.failures.get(method);
    if (failure !== undefined) {
      this.failures.delete(method);
      throw failure;
    }
  }

  private outcome(method: keyof NonNullable<FakeHostOptions["notices"]>, sheets: string[]): WriteOutcome {
    return { sheets: sheets.map((s) => ({ logical: s, actual: s })), notices: this.notices[method] ?? [] };
  }

  async workbookName(): Promise<string> {
    await this.enter("workbookName", []);
    return this.workbook.name;
  }

  async read(onProgress?: (p: ReadProgress) => void): Promise<WorkbookData> {
    await this.enter("read", []);
    const total = this.workbook.sheets.length;
    for (let i = 0; i < total; i++) {
      onProgress?.({ sheet: this.workbook.sheets[i].name, done: i, total });
      if (i === 0 && this.gate) await this.gate;
    }
    return this.workbook;
  }

  async writeReport(flk: LayoutSheet): Promise<WriteOutcome> {
    await this.enter("writeReport", [flk]);
    return this.outcome("writeReport", [flk.name]);
  }

  async writeDashboard(build: DashboardBuild): Promise<WriteOutcome> {
    await this.enter("writeDashboard", [build]);
    return this.outcome("writeDashboard", [build.layout.sheets[0]?.name ?? "Дашборд", build.flk.name]);
  }

  async mark(issues: readonly Issue[]): Promise<MarkOutcome> {
    await this.enter("mark", [issues]);
    this.marked.clear();
    for (const i of issues) if (i.cell) this.marked.add(`${i.sheet}!${i.cell}`);
    const unmarkable = issues.filter((i) => !i.cell).length;
    return {
      marked: this.marked.size,
      notes: this.capabilities.notes,
      notices: [
        ...(unmarkable ? [{ code: "UNMARKABLE_ISSUES" as const, params: { count: unmarkable } }] : []),
        ...(this.notices.mark ?? []),
      ],
    };
  }

  async clearMarks(): Promise<number> {
    await this.enter("clearMarks", []);
    const n = this.marked.size;
    this.marked.clear();
    return n;
  }

  async markedCount(): Promise<number> {
    await this.enter("markedCount", []);
    return this.marked.size;
  }

  async goTo(sheet: string, address: string): Promise<void> {
    await this.enter("goTo", [sheet, address]);
  }

  async loadSettings(): Promise<StoredSettings> {
    await this.enter("loadSettings", []);
    return copy(this.settings);
  }

  async saveSettings(settings: StoredSettings): Promise<void> {
    await this.enter("saveSettings", [copy(settings)]);
    this.settings = copy(settings);
  }

  async createBlankSheets(template: Template): Promise<WriteOutcome> {
    await this.enter("createBlankSheets", [template]);
    return this.outcome("createBlankSheets", [
      ...template.plans.map((p) => p.title),
      ...template.monitoring.map((m) => m.name),
    ]);
  }

  download?: () => Promise<{ fileName: string; data: Uint8Array }>;
  applyConsolidation?: (plan: ConsolidationPlan) => Promise<ConsolidationOutcome>;
  undoConsolidation?: () => Promise<ConsolidationUndoOutcome>;
  canUndoConsolidation?: () => Promise<boolean>;

  // Consolidation: records the plan; the workbook `read` serves stays as it was.
  private readonly applyConsolidationImpl = async (plan: ConsolidationPlan): Promise<ConsolidationOutcome> => {
    await this.enter("applyConsolidation", [plan]);
    this.consolidations.push(plan);
    return { sheets: consolidatedSheets(plan), notices: this.notices.applyConsolidation ?? [], undoable: true };
  };

  private readonly undoConsolidationImpl = async (): Promise<ConsolidationUndoOutcome> => {
    await this.enter("undoConsolidation", []);
    const plan = this.consolidations.pop();
    if (!plan) throw new Error("nothing to undo");
    return {
      sheets: plan.sheets.map((p) => p.sheet),
      restored: plan.sheets.reduce((n, p) => n + p.deleteRows.length, 0),
      removed: plan.sheets.reduce((n, p) => n + p.rows.length, 0),
    };
  };

  private readonly canUndoConsolidationImpl = async (): Promise<boolean> => {
    await this.enter("canUndoConsolidation", []);
    return this.consolidations.length > 0;
  };

  private readonly downloadImpl = async (): Promise<{ fileName: string; data: Uint8Array }> => {
    await this.enter("download", []);
    return { fileName: this.workbook.name, data: new Uint8Array([0x50, 0x4b, 0x03, 0x04]) };
  };
}

export function createFakeHost(options: FakeHostOptions): FakeHost {
  return new FakeHost(options);
}

/** The 29-school Lazo monitoring workbook (seed 003) with its 15 planted defects. */
export function lazoWorkbook(): WorkbookData {
  return sampleToWorkbook(lazoSample);
}

/** The «Учитель – учителю» plan (seed 000): a workbook without defects. */
export function cleanPlanWorkbook(): WorkbookData {
  return sampleToWorkbook(uchitelSample);
}

/** The Uritsky plans (seed 002): no errors, one planted warning (numbering jumps from 2.6 to 2.10). */
export function uritskyPlanWorkbook(): WorkbookData {
  return sampleToWorkbook(uritskySample);
}

/** The «Эффективная школа» plan (seed 003): no errors; 25 warnings, 24 of them RESULT_NOT_MEASURABLE. */
export function effektivnayaPlanWorkbook(): WorkbookData {
  return sampleToWorkbook(effektivnayaSample);
}
