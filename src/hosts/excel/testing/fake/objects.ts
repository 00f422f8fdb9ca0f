/**
 * Client objects of the fake Excel object model: the subset of `Excel.*` the Excel host uses, with
 * Office.js's batching semantics.
 *
 * - Every read and write is queued and happens in `context.sync()`, in order; a property can be
 *   read only after it was `load`ed and synced (else `PropertyNotLoaded`, as Office.js throws).
 * - Each sync is one request: the fake counts syncs and measures the request (the JSON of the
 *   queued operations: paths, addresses, written values, formulas and formats) and the response
 *   (the JSON of what was loaded). Like Excel on the web it refuses a request or a response over
 *   5 MB (`RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`) and an address
 *   list over 8,192 characters (`InvalidArgument`).
 * - APIs of a requirement set above the configured `apiVersion` fail with `ApiNotFound`.
 *
 * Member names match `@types/office-js` (checked at compile time in `faithful.ts`); internals are
 * private or start with `_fake`.
 */
import { a1 } from "../../../../core/model/address";
import { ADDRESS_LIMIT, utf8Length } from "../../payload";
import {
  MAX_COLUMNS,
  intersects,
  parseArea,
  parseAreas,
  qualified,
  rectAddress,
  splitSheet,
  type CellFormat,
  type ChartState,
  type ChartSeriesState,
  type PageLayoutState,
  type FakeCell,
  type FakeCustomXmlPart,
  type FakeNamedItem,
  type FakeSheet,
  type FakeWorkbook,
  type Rect,
  type Scalar,
  type Visibility,
} from "./model";

// ------------------------------------------------------------------ environment, errors, stats

export interface FakeOptions {
  /** Highest ExcelApi requirement set supported (default "1.18"). */
  apiVersion?: string;
  /** Office's display language (default "ru-RU"). */
  displayLanguage?: string;
  /** Enforce Excel on the web's 5 MB request/response limit (default true). */
  payloadLimit?: number;
}

export interface RequestStats {
  /** UTF-8 bytes of the request's JSON (the queued operations). */
  requestBytes: number;
  /** UTF-8 bytes of the response's JSON (what was loaded). */
  responseBytes: number;
  /** Operations in the request. */
  operations: number;
  /** Longest address (list) passed in the request. */
  longestAddress: number;
}

export class FakeStats {
  syncs = 0;
  requests: RequestStats[] = [];
  /** `load()` without property names (Office.js loads everything: slow, the host must not). */
  bareLoads = 0;
  screenUpdatingSuspended = 0;

  get maxRequestBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.requestBytes));
  }
  get maxResponseBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.responseBytes));
  }
  get longestAddress(): number {
    return Math.max(0, ...this.requests.map((r) => r.longestAddress));
  }
  reset(): void {
    this.syncs = 0;
    this.requests = [];
    this.bareLoads = 0;
    this.screenUpdatingSuspended = 0;
  }
}

export interface FakeEnv {
  model: FakeWorkbook;
  stats: FakeStats;
  apiVersion: string;
  payloadLimit: number;
}

/** Compares requirement-set versions: "1.9" < "1.12". */
export function versionAtMost(wanted: string, supported: string): boolean {
  const a = wanted.split(".").map(Number);
  const b = supported.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return true;
}

/** Shaped like `OfficeExtension.Error`: `code`, `message`, `debugInfo`. */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string; statement?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(location ? { errorLocation: location, statement: location } : {}) };
  }
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function invalidArgument(message: string, where?: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", message, where);
}

// ------------------------------------------------------------------ context and base object

interface Op {
  /** What goes over the wire (measured). */
  json: unknown;
  addresses: string[];
  /** Lowest requirement set the operation needs. */
  api?: string;
  where: string;
  /** Runs at sync; a returned object is the loaded data (measured as response). */
  run: () => unknown;
  deliver?: (data: unknown) => void;
}

type LoadSpec = string | string[] | { select?: string; expand?: string } | Record<string, unknown> | undefined;

function loadNames(spec: LoadSpec): string[] | null {
  if (spec === undefined) return null;
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadNames(s) ?? []);
  if (typeof spec.select === "string") return loadNames(spec.select);
  return Object.entries(spec)
    .filter(([k, v]) => v === true && !k.startsWith("$"))
    .map(([k]) => k);
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbookObject;
  private queue: Op[] = [];
  private closed = false;
  /** Office.js keeps objects valid across `Excel.run` batches through this; the fake accepts and ignores it. */
  readonly trackedObjects = { add: (_o: unknown): void => undefined, remove: (_o: unknown): void => undefined };

  constructor(readonly _fakeEnv: FakeEnv) {
    this.workbook = new FakeWorkbookObject(this, "workbook");
  }

  _fakeQueue(op: Op): void {
    if (this.closed)
      throw new FakeOfficeError("InvalidObjectPath", "The object was used outside of its Excel.run batch.", op.where);
    this.queue.push(op);
  }

  _fakeClose(): void {
    this.closed = true;
  }

  _fakePending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const env = this._fakeEnv;
    const request = JSON.stringify(ops.map((o) => o.json));
    const requestBytes = utf8Length(request);
    let longestAddress = 0;
    for (const o of ops) for (const a of o.addresses) longestAddress = Math.max(longestAddress, a.length);
    const stats: RequestStats = { requestBytes, responseBytes: 0, operations: ops.length, longestAddress };
    env.stats.syncs++;
    env.stats.requests.push(stats);
    await Promise.resolve();
    if (requestBytes > env.payloadLimit)
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes > ${env.payloadLimit}).`,
      );
    const results: { op: Op; data: unknown }[] = [];
    for (const op of ops) {
      for (const a of op.addresses)
        if (a.length >= ADDRESS_LIMIT)
          throw invalidArgument(`The address list has ${ADDRESS_LIMIT} characters or more (${a.length}).`, op.where);
      if (op.api && !versionAtMost(op.api, env.apiVersion))
        throw new FakeOfficeError(
          "ApiNotFound",
          `The API you are trying to use could not be found (ExcelApi ${op.api}).`,
          op.where,
        );
      let data: unknown;
      try {
        data = op.run();
      } catch (e) {
        if (e instanceof FakeOfficeError) {
          if (!e.debugInfo.errorLocation) Object.assign(e.debugInfo, { errorLocation: op.where, statement: op.where });
          throw e;
        }
        if (e instanceof RangeError) throw invalidArgument(e.message, op.where);
        throw e;
      }
      if (op.deliver) results.push({ op, data });
    }
    const responseBytes = utf8Length(JSON.stringify(results.map((r) => r.data ?? null)));
    stats.responseBytes = responseBytes;
    if (responseBytes > env.payloadLimit)
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${responseBytes} bytes > ${env.payloadLimit}).`,
      );
    for (const r of results) r.op.deliver?.(r.data);
  }
}

/** JSON-safe view of an argument (client objects by their path). */
function wire(v: unknown): unknown {
  if (v instanceof FakeClientObject) return { ref: v._fakePath };
  return v;
}

abstract class FakeClientObject {
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    readonly context: FakeRequestContext,
    readonly _fakePath: string,
  ) {}

  protected get env(): FakeEnv {
    return this.context._fakeEnv;
  }

  protected get model(): FakeWorkbook {
    return this.context._fakeEnv.model;
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  /** Queues an operation on this object. */
  protected op(
    name: string,
    args: unknown[],
    run: () => unknown,
    extra: { addresses?: string[]; api?: string; deliver?: (d: unknown) => void } = {},
  ): void {
    this.context._fakeQueue({
      json: { p: this._fakePath, m: name, a: args.map(wire) },
      addresses: extra.addresses ?? [],
      api: extra.api,
      where: `${this._fakePath}.${name}`,
      run,
      deliver: extra.deliver,
    });
  }

  /** Whether this object turned out to be a null object (at sync time). */
  protected isNullTarget(): boolean {
    return false;
  }

  /** A property's live value at sync time (for `load`). */
  protected abstract live(prop: string): unknown;

  /** Properties a bare `load()` brings (scalar ones): none unless the class has some. */
  protected scalars(): string[] {
    return [];
  }

  /** Fills the loaded properties from data a collection's `load` brought (its `items`). */
  _fakeDeliver(data: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(data)) this.loaded.set(k, v);
  }

  protected loadProps(spec: LoadSpec, api?: string): void {
    const names = loadNames(spec);
    if (names === null || names.length === 0) this.env.stats.bareLoads++;
    const props = names && names.length ? names : this.scalars();
    for (const p of props)
      if (p.includes("/"))
        throw new Error(`fake: load("${p}") — nested load paths are not supported; load the child object`);
    this.op(
      "load",
      [props.join(",")],
      () => {
        // Loading a null object is no error; its properties stay unavailable.
        if (this.isNullTarget()) return {};
        const out: Record<string, unknown> = {};
        for (const p of props) out[p] = this.live(p);
        return out;
      },
      {
        api,
        deliver: (d) => {
          for (const [k, v] of Object.entries(d as Record<string, unknown>)) this.loaded.set(k, v);
        },
      },
    );
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** An object that may be a null object (`…OrNullObject`). */
abstract class FakeNullable extends FakeClientObject {
  private nullable = false;

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this.read<boolean>("isNullObject");
  }

  /** Whether what the object stands for exists (at sync time). */
  protected abstract exists(): boolean;

  /** Makes this a `…OrNullObject`: queues the check that fills `isNullObject` at the next sync. */
  _fakeTrack(api?: string): void {
    this.nullable = true;
    this.op("_resolve", [], () => ({ isNullObject: !this.exists() }), {
      api,
      deliver: (d) => this.loaded.set("isNullObject", (d as { isNullObject: boolean }).isNullObject),
    });
  }

  protected override isNullTarget(): boolean {
    return this.nullable && !this.exists();
  }
}

export class FakeClientResult<T> {
  private has = false;
  private v: T | undefined;
  _fakeSet(v: T): void {
    this.v = v;
    this.has = true;
  }
  get value(): T {
    if (!this.has) throw notLoaded("value");
    return this.v as T;
  }
}

// ------------------------------------------------------------------ workbook

export class FakeWorkbookObject extends FakeClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly properties: FakeDocumentProperties;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  readonly application: FakeApplication;

  constructor(context: FakeRequestContext, path: string) {
    super(context, path);
    this.worksheets = new FakeWorksheetCollection(context, `${path}.worksheets`);
    this.names = new FakeNamedItemCollection(context, `${path}.names`);
    this.properties = new FakeDocumentProperties(context, `${path}.properties`);
    this.customXmlParts = new FakeCustomXmlPartCollection(context, `${path}.customXmlParts`);
    this.application = new FakeApplication(context, `${path}.application`);
  }

  get name(): string {
    return this.read("name");
  }

  protected live(prop: string): unknown {
    if (prop === "name") return this.model.name;
    throw new Error(`fake: Workbook.${prop} is not modelled`);
  }
  protected override scalars(): string[] {
    return ["name"];
  }

  load(spec?: LoadSpec): this {
    this.loadProps(spec);
    return this;
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, `${this.path}.getSelectedRange()`, () => {
      const sel = this.model.selection;
      const sheet = sel ? this.model.sheet(sel.sheet) : this.model.activeSheet;
      if (!sheet) throw new FakeOfficeError("ItemNotFound", "No selection.");
      return { sheet, rects: [parseArea(sel?.address ?? "A1")] };
    });
  }

  private get path(): string {
    return this._fakePath;
  }
}

export class FakeApplication extends FakeClientObject {
  suspendScreenUpdatingUntilNextSync(): void {
    this.op("suspendScreenUpdatingUntilNextSync", [], () => {
      this.env.stats.screenUpdatingSuspended++;
    });
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: Application.${prop} is not modelled`);
  }
}

// ------------------------------------------------------------------ worksheets

export class FakeWorksheetCollection extends FakeClientObject {
  private itemList: FakeWorksheet[] | null = null;

  get items(): FakeWorksheet[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this._fakePath}.getItem(${JSON.stringify(key)})`, () => {
      const s = this.model.sheet(key);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet ${key}.`);
      return s;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(
      this.context,
      `${this._fakePath}.getItemOrNullObject(${JSON.stringify(key)})`,
      () => this.model.sheet(key) ?? null,
    );
    ws._fakeTrack();
    return ws;
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this._fakePath}.getActiveWorksheet()`, () => {
      const s = this.model.activeSheet;
      if (!s) throw new FakeOfficeError("ItemNotFound", "No active worksheet.");
      return s;
    });
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    const ws = new FakeWorksheet(this.context, `${this._fakePath}.add(${JSON.stringify(name ?? "")})`, () => {
      if (!created) throw new FakeOfficeError("InvalidOperation", "worksheet used before it was added");
      return created;
    });
    this.op("add", [name ?? null], () => {
      const n = name ?? `Лист${this.model.sheets.length + 1}`;
      if (this.model.sheet(n)) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named ${n} already exists.`);
      if (n.length > 31 || /[\\/?*[\]:]/.test(n) || n.startsWith("'") || n.endsWith("'"))
        throw invalidArgument(`Invalid worksheet name: ${n}`);
      created = this.model.addSheet(n);
    });
    return ws;
  }

  load(spec?: LoadSpec): this {
    const names = (loadNames(spec) ?? []).map((n) => n.replace(/^items\//, ""));
    if (!names.length) this.env.stats.bareLoads++;
    const props = names.length ? names : ["name", "position", "visibility", "id"];
    this.op(
      "load",
      [props.join(",")],
      () => this.model.sheets.map((s) => Object.fromEntries(props.map((p) => [p, sheetProp(this.model, s, p)]))),
      {
        deliver: (d) => {
          this.itemList = (d as Record<string, unknown>[]).map((data, i) => {
            const sheet = this.model.sheets.find((s) => s.name === data.name) ?? this.model.sheets[i];
            const ws = new FakeWorksheet(this.context, `${this._fakePath}.items[${i}]`, () => sheet);
            ws._fakeDeliver(data);
            return ws;
          });
        },
      },
    );
    return this;
  }

  protected live(prop: string): unknown {
    throw new Error(`fake: WorksheetCollection.${prop} is not modelled`);
  }
}

function sheetProp(model: FakeWorkbook, s: FakeSheet, p: string): unknown {
  switch (p) {
    case "name":
      return s.name;
    case "position":
      return model.sheets.indexOf(s);
    case "visibility":
      return s.visibility;
    case "id":
      return s.id;
    case "tabColor":
      return s.tabColor;
    default:
      throw new Error(`fake: Worksheet.${p} is not modelled`);
  }
}

const VISIBILITY: readonly Visibility[] = ["Visible", "Hidden", "VeryHidden"];

export class FakeWorksheet extends FakeNullable {
  private bound: FakeSheet | null | undefined;
  readonly freezePanes: FakeWorksheetFreezePanes;
  readonly charts: FakeChartCollection;
  readonly notes: FakeNoteCollection;
  readonly autoFilter: FakeAutoFilter;
  readonly pageLayout: FakePageLayout;

  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolver: () => FakeSheet | null,
  ) {
    super(context, path);
    this.freezePanes = new FakeWorksheetFreezePanes(context, `${path}.freezePanes`, () => this._fakeSheet());
    this.charts = new FakeChartCollection(context, `${path}.charts`, () => this._fakeSheet());
    this.notes = new FakeNoteCollection(context, `${path}.notes`, () => this._fakeSheet());
    this.autoFilter = new FakeAutoFilter(context, `${path}.autoFilter`, () => this._fakeSheet());
    this.pageLayout = new FakePageLayout(context, `${path}.pageLayout`, () => this._fakeSheet().pageLayout);
  }

  protected exists(): boolean {
    return this._fakeSheetOrNull() !== null;
  }

  /** The sheet this object is bound to (bound on first use, as Excel binds objects). */
  _fakeSheetOrNull(): FakeSheet | null {
    if (this.bound === undefined) this.bound = this.resolver();
    if (this.bound && !this.model.sheets.includes(this.bound))
      throw new FakeOfficeError("ItemNotFound", "The worksheet was deleted.");
    return this.bound;
  }

  _fakeSheet(): FakeSheet {
    const s = this._fakeSheetOrNull();
    if (!s) throw new FakeOfficeError("InvalidOperation", "The worksheet is a null object.");
    return s;
  }

  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.op("set name", [v], () => {
      const s = this._fakeSheet();
      const other = this.model.sheet(v);
      if (other && other !== s) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named ${v} exists.`);
      s.name = v;
    });
  }
  get position(): number {
    return this.read("position");
  }
  set position(v: number) {
    this.op("set position", [v], () => {
      const s = this._fakeSheet();
      const list = this.model.sheets.filter((x) => x !== s);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, s);
      this.model.sheets = list;
    });
  }
  get visibility(): Visibility {
    return this.read("visibility");
  }
  set visibility(v: Visibility) {
    this.op("set visibility", [v], () => {
      if (!VISIBILITY.includes(v)) throw invalidArgument(`visibility ${String(v)}`);
      const s = this._fakeSheet();
      if (v !== "Visible" && this.model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0)
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      s.visibility = v;
      if (v !== "Visible" && this.model.activeSheet === s)
        this.model.activeSheet = this.model.sheets.find((x) => x.visibility === "Visible") ?? null;
    });
  }
  get id(): string {
    return this.read("id");
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(v: string) {
    this.op("set tabColor", [v], () => {
      this._fakeSheet().tabColor = v;
    });
  }

  activate(): void {
    this.op("activate", [], () => {
      const s = this._fakeSheet();
      if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "Cannot activate a hidden sheet.");
      this.model.activeSheet = s;
    });
  }

  delete(): void {
    this.op("delete", [], () => {
      const s = this._fakeSheet();
      const others = this.model.sheets.filter((x) => x !== s);
      if (!others.some((x) => x.visibility === "Visible"))
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      this.model.sheets = others;
      if (this.model.activeSheet === s) this.model.activeSheet = others.find((x) => x.visibility === "Visible") ?? null;
      if (this.model.selection?.sheet === s.name) this.model.selection = null;
      // Names that referred to the sheet now refer to #REF!, as in Excel.
      for (const n of this.model.names) if (splitSheet(n.formula).sheet === s.name) n.formula = "=#REF!";
    });
  }

  getRange(address?: string): FakeRange {
    const path = `${this._fakePath}.getRange(${JSON.stringify(address ?? "")})`;
    const r = new FakeRange(this.context, path, () => ({
      sheet: this._fakeSheet(),
      rects: [address === undefined || address === "" ? parseArea("A:XFD") : parseArea(splitSheet(address).address)],
    }));
    r._fakeNote(address ? [address] : []);
    return r;
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(
      this.context,
      `${this._fakePath}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      () => {
        if (rowCount < 1 || columnCount < 1) throw invalidArgument("rowCount and columnCount must be positive");
        return {
          sheet: this._fakeSheet(),
          rects: [
            { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount },
          ],
        };
      },
    );
  }

  getRanges(address?: string): FakeRangeAreas {
    const list = address ?? "";
    const ra = new FakeRangeAreas(this.context, `${this._fakePath}.getRanges(${JSON.stringify(list)})`, () => ({
      sheet: this._fakeSheet(),
      rects: parseAreas(list),
    }));
    ra._fakeNote([list]);
    return ra;
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const r = new FakeRange(this.context, `${this._fakePath}.getUsedRangeOrNullObject(${valuesOnly === true})`, () => {
      const s = this._fakeSheetOrNull();
      if (!s) return null;
      const rect = s.usedRect(valuesOnly === true);
      return rect ? { sheet: s, rects: [rect] } : null;
    });
    r._fakeTrack();
    return r;
  }

  protected live(prop: string): unknown {
    return sheetProp(this.model, this._fakeSheet(), prop);
  }
  protected override scalars(): string[] {
    return ["name", "position", "visibility", "id", "tabColor"];
  }
  load(spec?: LoadSpec): this {
    this.loadProps(spec);
    return this;
  }
}

export class FakeWorksheetFreezePanes extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, path);
  }
  freezeRows(count?: number): void {
    this.op("freezeRows", [count ?? 1], () => {
      const s = this.sheet();
      s.frozenRows = count ?? 1;
      s.frozenColumns = 0;
    });
  }
  unfreeze(): void {
    this.op("unfreeze", [], () => {
      const s = this.sheet();
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: FreezePanes.${prop} is not modelled`);
  }
}

export class FakeAutoFilter extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, path);
  }
  apply(range: FakeRange | string): void {
    this.op(
      "apply",
      [range],
      () => {
        const s = this.sheet();
        s.autoFilter = typeof range === "string" ? rectAddress(parseArea(range)) : rectAddress(range._fakeOne().rect);
      },
      { api: "1.9" },
    );
  }
  remove(): void {
    this.op(
      "remove",
      [],
      () => {
        this.sheet().autoFilter = null;
      },
      { api: "1.9" },
    );
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: AutoFilter.${prop} is not modelled`);
  }
}

// ------------------------------------------------------------------ ranges

interface Areas {
  sheet: FakeSheet;
  rects: Rect[];
}

/** What a text written to a cell becomes (Excel's coercion of entered text). */
function enter(cell: FakeCell, v: unknown): void {
  delete cell.formula;
  delete cell.error;
  delete cell.quotePrefix;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw invalidArgument(`not a finite number: ${v}`);
    cell.value = v;
  } else if (typeof v === "boolean") cell.value = v;
  else if (typeof v === "string") {
    if (v.startsWith("'")) {
      cell.value = v.slice(1);
      cell.quotePrefix = true;
    } else if (v.startsWith("=") && v.length > 1) {
      cell.formula = v;
      cell.value = "";
    } else if (/^[+\-@]/.test(v) && v.length > 1 && !/^[+-]?\d+(\.\d+)?$/.test(v)) {
      // Typed into Excel, «+x», «-x» and «@x» become formulas.
      cell.formula = `=${v.slice(v.startsWith("@") ? 1 : 0)}`;
      cell.value = "";
    } else if (/^[+-]?\d+(\.\d+)?(E[+-]?\d+)?$/i.test(v.trim())) cell.value = Number(v);
    else if (/^(TRUE|FALSE)$/i.test(v)) cell.value = v.toUpperCase() === "TRUE";
    else cell.value = v;
  } else throw invalidArgument(`cannot write ${typeof v}`);
}

function matrixFor(value: unknown, rect: Rect, what: string): (r: number, c: number) => unknown {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(value)) return () => value;
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols))
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${rows}×${cols}).`,
    );
  return (r, c) => (value as unknown[][])[r][c];
}

function emptyLike(c: FakeCell | undefined): boolean {
  return !c || (c.value === "" && c.formula === undefined);
}

/** Values, formulas, formats of the cells in `rect` as 2-D arrays. */
function grid<T>(s: FakeSheet, rect: Rect, f: (c: FakeCell | undefined) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row = s.rows[r - 1];
    const line: T[] = new Array<T>(rect.right - rect.left + 1);
    for (let c = rect.left; c <= rect.right; c++) line[c - rect.left] = f(row?.[c - 1]);
    out.push(line);
  }
  return out;
}

const FILL_NONE = { color: "#FFFFFF", pattern: "None" };

abstract class FakeRangeLike extends FakeNullable {
  private bound: Areas | null | undefined;
  readonly format: FakeRangeFormat;

  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolver: () => Areas | null,
  ) {
    super(context, path);
    this.format = new FakeRangeFormat(context, `${path}.format`, () => this._fakeAreas());
  }

  protected exists(): boolean {
    return this._fakeAreasOrNull() !== null;
  }

  /** Records the address the object was created with (it travels in the request). */
  _fakeNote(addresses: string[]): void {
    this.op("_address", addresses, () => undefined, { addresses });
  }

  _fakeAreasOrNull(): Areas | null {
    if (this.bound === undefined) this.bound = this.resolver();
    return this.bound;
  }

  _fakeAreas(): Areas {
    const a = this._fakeAreasOrNull();
    if (!a) throw new FakeOfficeError("InvalidOperation", "The range is a null object.");
    return a;
  }

  _fakeOne(): { sheet: FakeSheet; rect: Rect } {
    const a = this._fakeAreas();
    if (a.rects.length !== 1) throw invalidArgument("This operation needs a single area.");
    return { sheet: a.sheet, rect: a.rects[0] };
  }

  protected override scalars(): string[] {
    return ["address"];
  }
}

export class FakeRange extends FakeRangeLike {
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;

  constructor(context: FakeRequestContext, path: string, resolver: () => Areas | null) {
    super(context, path, resolver);
    this.conditionalFormats = new FakeConditionalFormatCollection(context, `${path}.conditionalFormats`, () =>
      this._fakeOne(),
    );
    this.dataValidation = new FakeDataValidation(context, `${path}.dataValidation`, () => this._fakeOne());
  }

  get address(): string {
    return this.read("address");
  }
  get addressLocal(): string {
    return this.read("addressLocal");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get values(): Scalar[][] {
    return this.read("values");
  }
  set values(v: unknown) {
    this.write("values", v, (cell, x) => {
      if (x !== null && x !== undefined) enter(cell, x);
    });
  }
  get formulas(): Scalar[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown) {
    this.write("formulas", v, (cell, x) => {
      if (x !== null && x !== undefined) enter(cell, x);
    });
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.write("numberFormat", v, (cell, x) => {
      if (x === null || x === undefined) return;
      if (typeof x !== "string") throw invalidArgument("numberFormat must be text");
      cell.numberFormat = x;
    });
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get hyperlink(): unknown {
    return this.read("hyperlink");
  }
  set hyperlink(v: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }) {
    this.op(
      "set hyperlink",
      [v],
      () => {
        const { sheet, rect } = this._fakeOne();
        for (let r = rect.top; r <= rect.bottom; r++)
          for (let c = rect.left; c <= rect.right; c++) {
            const cell = sheet.ensure(r, c);
            cell.hyperlink = { ...v };
            if (v.textToDisplay !== undefined)
              enter(cell, v.textToDisplay.startsWith("=") ? `'${v.textToDisplay}` : v.textToDisplay);
          }
      },
      { api: "1.7", addresses: v.documentReference ? [v.documentReference] : [] },
    );
  }

  private write(what: string, v: unknown, apply: (cell: FakeCell, x: unknown) => void): void {
    this.op(`set ${what}`, [v], () => {
      const { sheet, rect } = this._fakeOne();
      const at = matrixFor(v, rect, what);
      const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      if (!Array.isArray(v) && cells > 1_000_000) throw new FakeOfficeError("RangeExceedsLimit", "Too many cells.");
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) {
          const x = at(r - rect.top, c - rect.left);
          if (x === null || x === undefined) continue;
          apply(sheet.ensure(r, c), x);
        }
    });
  }

  protected live(prop: string): unknown {
    const { sheet, rect } = this._fakeOne();
    switch (prop) {
      case "address":
      case "addressLocal":
        return qualified(sheet.name, rect);
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "rowIndex":
        return rect.top - 1;
      case "columnIndex":
        return rect.left - 1;
      case "cellCount":
        return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      case "values":
        return grid(sheet, rect, (c) => (c ? c.value : ""));
      case "formulas":
        return grid(sheet, rect, (c) => (c ? (c.formula ?? c.value) : ""));
      case "numberFormat":
        return grid(sheet, rect, (c) => c?.numberFormat ?? "General");
      case "valueTypes":
        return grid(sheet, rect, (c) =>
          emptyLike(c)
            ? "Empty"
            : c?.error
              ? "Error"
              : typeof c?.value === "number"
                ? "Double"
                : typeof c?.value === "boolean"
                  ? "Boolean"
                  : "String",
        );
      case "text":
        return grid(sheet, rect, (c) => (c ? String(c.value) : ""));
      case "hyperlink":
        return sheet.cell(rect.top, rect.left)?.hyperlink ?? null;
      default:
        throw new Error(`fake: Range.${prop} is not modelled`);
    }
  }

  load(spec?: LoadSpec): this {
    this.loadProps(spec);
    return this;
  }

  select(): void {
    this.op("select", [], () => {
      const { sheet, rect } = this._fakeOne();
      if (this.model.activeSheet !== sheet)
        throw new FakeOfficeError("InvalidSelection", "The selection must be on the active worksheet.");
      this.model.selection = { sheet: sheet.name, address: rectAddress(rect) };
    });
  }

  clear(applyTo?: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks"): void {
    const mode = applyTo ?? "All";
    this.op("clear", [mode], () => {
      const { sheet, rect } = this._fakeOne();
      sheet.eachExisting(rect, (cell, r, c) => {
        if (mode === "All") sheet.rows[r - 1][c - 1] = undefined;
        else if (mode === "Contents") {
          cell.value = "";
          delete cell.formula;
          delete cell.error;
        } else if (mode === "Formats") {
          delete cell.format;
          delete cell.numberFormat;
        } else {
          delete cell.hyperlink;
        }
      });
      if (mode === "All" || mode === "Formats") {
        sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
        sheet.validations = sheet.validations.filter((v) => !intersects(v.rect, rect));
      }
    });
  }

  merge(across?: boolean): void {
    this.op("merge", [across ?? false], () => {
      const { sheet, rect } = this._fakeOne();
      if (sheet.merges.some((m) => intersects(m, rect)))
        throw new FakeOfficeError("MergedRangeConflict", "The range overlaps a merged area.");
      const rows = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => rect.top + i) : [rect.top];
      for (const top of rows) {
        const m = across ? { ...rect, top, bottom: top } : rect;
        if (m.top === m.bottom && m.left === m.right) continue;
        sheet.merges.push(m);
        sheet.eachExisting(m, (cell, r, c) => {
          if (r !== m.top || c !== m.left) sheet.rows[r - 1][c - 1] = undefined;
        });
      }
    });
  }

  unmerge(): void {
    this.op("unmerge", [], () => {
      const { sheet, rect } = this._fakeOne();
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    });
  }

  /**
   * Deletes the range, shifting cells up or left. Modelled for whole rows shifted up (what the
   * host uses); references to the moved cells (formulas, names, charts) are not adjusted by the
   * fake, so it refuses when any could be affected rather than pretend.
   */
  delete(shift: "Up" | "Left"): void {
    this.op("delete", [shift], () => {
      const { sheet, rect } = this._fakeOne();
      const rows = this.wholeRows(rect, shift, "Up", "delete");
      this.refuseMovedReferences(sheet, rows.top);
      sheet.deleteRows(rows.top, rows.count);
    });
  }

  /** Inserts cells, shifting the range down or right; modelled for whole rows shifted down. */
  insert(shift: "Down" | "Right"): FakeRange {
    this.op("insert", [shift], () => {
      const { sheet, rect } = this._fakeOne();
      const rows = this.wholeRows(rect, shift, "Down", "insert");
      this.refuseMovedReferences(sheet, rows.top);
      sheet.insertRows(rows.top, rows.count);
    });
    return new FakeRange(this.context, `${this._fakePath}.insert(${JSON.stringify(shift)})`, () => this._fakeAreas());
  }

  private wholeRows(rect: Rect, shift: string, wanted: string, what: string): { top: number; count: number } {
    if (shift !== wanted || rect.left !== 1 || rect.right !== MAX_COLUMNS)
      throw new Error(`fake: Range.${what}(${shift}) on anything but whole rows is not modelled`);
    if (shift !== "Up" && shift !== "Down") throw invalidArgument(`shift ${shift}`);
    return { top: rect.top, count: rect.bottom - rect.top + 1 };
  }

  private refuseMovedReferences(sheet: FakeSheet, top: number): void {
    const lower = sheet.name.toLocaleLowerCase("ru");
    const mentions = (formula: string) => {
      const f = formula.toLocaleLowerCase("ru");
      return f.includes(`${lower}!`) || f.includes(`'${lower.replace(/'/g, "''")}'!`);
    };
    const refuse = (what: string) => {
      throw new Error(`fake: adjusting ${what} when rows move is not modelled`);
    };
    for (const s of this.model.sheets)
      s.rows.forEach((row, r) =>
        row?.forEach((c) => {
          if (!c?.formula) return;
          if ((s === sheet && r + 1 >= top) || mentions(c.formula)) refuse(`the formula ${c.formula}`);
        }),
      );
    for (const n of this.model.names) if (mentions(n.formula)) refuse(`the name ${n.name}`);
    for (const s of this.model.sheets)
      for (const c of s.charts)
        if (s === sheet || [c.source, c.categories, c.values].some((x) => x && mentions(x)))
          refuse(`the chart ${c.name}`);
  }

  /** ExcelApi 1.9: copies `copyType` of the source onto this range (the source tiled over it). Modelled: "Formats". */
  copyFrom(
    sourceRange: FakeRange | string,
    copyType?: "All" | "Formulas" | "Values" | "Formats" | "Link",
    skipBlanks?: boolean,
    transpose?: boolean,
  ): void {
    const type = copyType ?? "All";
    const source = typeof sourceRange === "string" ? null : sourceRange;
    this.op(
      "copyFrom",
      [sourceRange, type, skipBlanks ?? false, transpose ?? false],
      () => {
        if (type !== "Formats" || skipBlanks || transpose || !source)
          throw new Error(`fake: Range.copyFrom(${type}) from an address or with skipBlanks/transpose is not modelled`);
        const dest = this._fakeOne();
        const src = source._fakeOne();
        const h = src.rect.bottom - src.rect.top + 1;
        const w = src.rect.right - src.rect.left + 1;
        const copies: { r: number; c: number; from: FakeCell | undefined }[] = [];
        for (let r = dest.rect.top; r <= dest.rect.bottom; r++)
          for (let c = dest.rect.left; c <= dest.rect.right; c++)
            copies.push({
              r,
              c,
              from: src.sheet.cell(
                src.rect.top + ((r - dest.rect.top) % h),
                src.rect.left + ((c - dest.rect.left) % w),
              ),
            });
        for (const { r, c, from } of copies) {
          const existing = dest.sheet.cell(r, c);
          if (!from?.format && from?.numberFormat === undefined) {
            if (existing) {
              delete existing.format;
              delete existing.numberFormat;
            }
            continue;
          }
          const cell = dest.sheet.ensure(r, c);
          if (from.format) cell.format = structuredClone(from.format);
          else delete cell.format;
          if (from.numberFormat !== undefined) cell.numberFormat = from.numberFormat;
          else delete cell.numberFormat;
        }
      },
      { api: "1.9" },
    );
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, `${this._fakePath}.getCell(${row},${column})`, () => {
      const { sheet, rect } = this._fakeOne();
      const r = rect.top + row;
      const c = rect.left + column;
      return { sheet, rects: [{ top: r, left: c, bottom: r, right: c }] };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(this.context, `${this._fakePath}.getResizedRange(${deltaRows},${deltaColumns})`, () => {
      const { sheet, rect } = this._fakeOne();
      return { sheet, rects: [{ ...rect, bottom: rect.bottom + deltaRows, right: rect.right + deltaColumns }] };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return new FakeRange(this.context, `${this._fakePath}.getOffsetRange(${rowOffset},${columnOffset})`, () => {
      const { sheet, rect } = this._fakeOne();
      return {
        sheet,
        rects: [
          {
            top: rect.top + rowOffset,
            bottom: rect.bottom + rowOffset,
            left: rect.left + columnOffset,
            right: rect.right + columnOffset,
          },
        ],
      };
    });
  }

  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const ra = new FakeRangeAreas(this.context, `${this._fakePath}.getMergedAreasOrNullObject()`, () => {
      const a = this._fakeAreasOrNull();
      if (!a) return null;
      const rects = a.sheet.merges.filter((m) => a.rects.some((r) => intersects(m, r)));
      return rects.length ? { sheet: a.sheet, rects: rects.map((m) => ({ ...m })) } : null;
    });
    ra._fakeTrack("1.13");
    return ra;
  }

  /** ExcelApi 1.9: per-cell properties (only what was asked for). */
  getCellProperties(options: {
    address?: boolean;
    format?: { fill?: { color?: boolean; pattern?: boolean; patternColor?: boolean } };
  }): FakeClientResult<Record<string, unknown>[][]> {
    const result = new FakeClientResult<Record<string, unknown>[][]>();
    this.op(
      "getCellProperties",
      [options],
      () => {
        const { sheet, rect } = this._fakeOne();
        const want = options.format?.fill ?? {};
        return grid(sheet, rect, (c) => {
          const p: Record<string, unknown> = {};
          const fill = c?.format?.fill ?? FILL_NONE;
          if (options.format?.fill) {
            const f: Record<string, unknown> = {};
            if (want.color) f.color = fill.color;
            if (want.pattern) f.pattern = fill.pattern;
            if (want.patternColor)
              f.patternColor = "patternColor" in fill ? (fill.patternColor ?? "#000000") : "#000000";
            p.format = { fill: f };
          }
          return p;
        }).map((row, i) =>
          options.address
            ? row.map((p, j) => ({
                ...p,
                address: qualified(sheet.name, {
                  top: rect.top + i,
                  left: rect.left + j,
                  bottom: rect.top + i,
                  right: rect.left + j,
                }),
              }))
            : row,
        );
      },
      { api: "1.9", deliver: (d) => result._fakeSet(d as Record<string, unknown>[][]) },
    );
    return result;
  }
}

export class FakeRangeAreas extends FakeRangeLike {
  private api: string | undefined;

  /** Its `load` then needs the same API version (ExcelApi 1.13 for merged areas). */
  override _fakeTrack(api?: string): void {
    this.api = api;
    super._fakeTrack(api);
  }

  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  protected live(prop: string): unknown {
    const a = this._fakeAreasOrNull();
    if (!a) return prop === "areaCount" ? 0 : "";
    if (prop === "address") return a.rects.map((r) => qualified(a.sheet.name, r)).join(",");
    if (prop === "areaCount") return a.rects.length;
    throw new Error(`fake: RangeAreas.${prop} is not modelled`);
  }
  load(spec?: LoadSpec): this {
    this.loadProps(spec, this.api);
    return this;
  }
}

// ------------------------------------------------------------------ formats

type AreasGetter = () => Areas;

/** Applies `f` to every cell of the areas (creating cells). */
function eachCell(areas: Areas, f: (cell: FakeCell) => void): void {
  for (const rect of areas.rects) {
    const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    if (cells > 2_000_000) throw new Error("fake: formatting whole columns or rows is not modelled");
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) f(areas.sheet.ensure(r, c));
  }
}

/** The common value of a format property over the areas, or null when mixed. */
function common<T>(areas: Areas, get: (c: FakeCell | undefined) => T): T | null {
  let first = true;
  let v: T | null = null;
  for (const rect of areas.rects)
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) {
        const x = get(areas.sheet.cell(r, c));
        if (first) {
          v = x;
          first = false;
        } else if (x !== v) return null;
      }
  return v;
}

function fmt(cell: FakeCell): CellFormat {
  return (cell.format ??= {});
}

abstract class FakeFormatPart extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    protected readonly areas: AreasGetter,
  ) {
    super(context, path);
  }
  protected setEach(prop: string, v: unknown, f: (cell: FakeCell) => void, api?: string): void {
    this.op(`set ${prop}`, [v], () => eachCell(this.areas(), f), { api });
  }
  load(spec?: LoadSpec): this {
    this.loadProps(spec);
    return this;
  }
}

export class FakeRangeFormat extends FakeFormatPart {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: FakeRangeBorderCollection;

  constructor(context: FakeRequestContext, path: string, areas: AreasGetter) {
    super(context, path, areas);
    this.fill = new FakeRangeFill(context, `${path}.fill`, areas);
    this.font = new FakeRangeFont(context, `${path}.font`, areas);
    this.borders = new FakeRangeBorderCollection(context, `${path}.borders`, areas);
  }

  get wrapText(): boolean | null {
    return this.read("wrapText");
  }
  set wrapText(v: boolean | null) {
    this.setEach("wrapText", v, (c) => (fmt(c).wrapText = v === true));
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.setEach("horizontalAlignment", v, (c) => (fmt(c).horizontalAlignment = v));
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.setEach("verticalAlignment", v, (c) => (fmt(c).verticalAlignment = v));
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(v: number) {
    this.op("set columnWidth", [v], () => {
      const a = this.areas();
      for (const r of a.rects) for (let c = r.left; c <= r.right; c++) a.sheet.columnWidths.set(c, v);
    });
  }
  get rowHeight(): number {
    return this.read("rowHeight");
  }
  set rowHeight(v: number) {
    this.op("set rowHeight", [v], () => {
      const a = this.areas();
      for (const r of a.rects) for (let row = r.top; row <= r.bottom; row++) a.sheet.rowHeights.set(row, v);
    });
  }
  get useStandardHeight(): boolean | null {
    return this.read("useStandardHeight");
  }
  /** Only `true` does anything (as in Excel): the rows lose their own height. Walks the set heights, not the rows. */
  set useStandardHeight(v: boolean | null) {
    this.useStandard("useStandardHeight", v, "rowHeights", (r) => [r.top, r.bottom]);
  }
  get useStandardWidth(): boolean | null {
    return this.read("useStandardWidth");
  }
  /** Only `true` does anything (as in Excel): the columns lose their own width. Walks the set widths, not the columns. */
  set useStandardWidth(v: boolean | null) {
    this.useStandard("useStandardWidth", v, "columnWidths", (r) => [r.left, r.right]);
  }
  /** `useStandardHeight` / `useStandardWidth`: drops the set sizes of the rows or columns in the range. */
  private useStandard(
    prop: "useStandardHeight" | "useStandardWidth",
    v: boolean | null,
    sizes: "rowHeights" | "columnWidths",
    span: (r: { top: number; bottom: number; left: number; right: number }) => [number, number],
  ): void {
    this.op(
      `set ${prop}`,
      [v],
      () => {
        if (v !== true) return;
        const a = this.areas();
        const set = a.sheet[sizes];
        const inRange = (at: number) =>
          a.rects.some((r) => {
            const [from, to] = span(r);
            return at >= from && at <= to;
          });
        for (const at of [...set.keys()]) if (inRange(at)) set.delete(at);
      },
      { api: "1.7" },
    );
  }

  protected live(prop: string): unknown {
    const a = this.areas();
    switch (prop) {
      case "wrapText":
        return common(a, (c) => c?.format?.wrapText ?? false);
      case "columnWidth":
        return common({ sheet: a.sheet, rects: a.rects.map((r) => ({ ...r, top: 1, bottom: 1 })) }, () => 0) === null
          ? null
          : (a.sheet.columnWidths.get(a.rects[0].left) ?? 48);
      case "useStandardHeight": {
        // True when no row has a height of its own, false when every row has, null when mixed.
        const own = [...a.sheet.rowHeights.keys()].filter((row) =>
          a.rects.some((r) => row >= r.top && row <= r.bottom),
        );
        const rows = a.rects.reduce((n, r) => n + r.bottom - r.top + 1, 0);
        return own.length === 0 ? true : own.length === rows ? false : null;
      }
      case "useStandardWidth": {
        // True when no column has a width of its own, false when every column has, null when mixed.
        const own = [...a.sheet.columnWidths.keys()].filter((col) =>
          a.rects.some((r) => col >= r.left && col <= r.right),
        );
        const cols = a.rects.reduce((n, r) => n + r.right - r.left + 1, 0);
        return own.length === 0 ? true : own.length === cols ? false : null;
      }
      case "horizontalAlignment":
        return common(a, (c) => c?.format?.horizontalAlignment ?? "General");
      case "verticalAlignment":
        return common(a, (c) => c?.format?.verticalAlignment ?? "Bottom");
      default:
        throw new Error(`fake: RangeFormat.${prop} is not modelled`);
    }
  }
  protected override scalars(): string[] {
    return ["wrapText", "horizontalAlignment", "verticalAlignment", "columnWidth"];
  }
}

export class FakeRangeFill extends FakeFormatPart {
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.setEach("color", v, (c) => {
      const old = c.format?.fill;
      fmt(c).fill = {
        color: v.toUpperCase(),
        pattern: old && old.pattern !== "None" ? old.pattern : "Solid",
        ...(old?.patternColor ? { patternColor: old.patternColor } : {}),
      };
    });
  }
  get pattern(): string {
    return this.read("pattern");
  }
  set pattern(v: string) {
    this.setEach(
      "pattern",
      v,
      (c) => {
        if (v === "None") delete fmt(c).fill;
        else fmt(c).fill = { ...(c.format?.fill ?? { color: "#FFFFFF" }), pattern: v };
      },
      "1.9",
    );
  }
  get patternColor(): string {
    return this.read("patternColor");
  }
  set patternColor(v: string) {
    this.setEach(
      "patternColor",
      v,
      (c) => (fmt(c).fill = { ...(c.format?.fill ?? FILL_NONE), patternColor: v }),
      "1.9",
    );
  }
  clear(): void {
    this.op("clear", [], () =>
      eachCell(this.areas(), (c) => {
        if (c.format) delete c.format.fill;
      }),
    );
  }
  protected live(prop: string): unknown {
    const a = this.areas();
    if (prop === "color") return common(a, (c) => c?.format?.fill?.color ?? FILL_NONE.color);
    if (prop === "pattern") return common(a, (c) => c?.format?.fill?.pattern ?? FILL_NONE.pattern);
    if (prop === "patternColor") return common(a, (c) => c?.format?.fill?.patternColor ?? "#000000");
    throw new Error(`fake: RangeFill.${prop} is not modelled`);
  }
  protected override scalars(): string[] {
    return ["color", "pattern", "patternColor"];
  }
}

export class FakeRangeFont extends FakeFormatPart {
  private setFont<K extends keyof NonNullable<CellFormat["font"]>>(k: K, v: NonNullable<CellFormat["font"]>[K]): void {
    this.setEach(k, v, (c) => {
      const f = fmt(c);
      f.font = { ...(f.font ?? {}), [k]: v };
    });
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(v: boolean) {
    this.setFont("bold", v);
  }
  get italic(): boolean {
    return this.read("italic");
  }
  set italic(v: boolean) {
    this.setFont("italic", v);
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.setFont("color", v);
  }
  get size(): number {
    return this.read("size");
  }
  set size(v: number) {
    this.setFont("size", v);
  }
  get underline(): string {
    return this.read("underline");
  }
  set underline(v: string) {
    this.setFont("underline", v);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.setFont("name", v);
  }
  protected live(prop: string): unknown {
    const defaults: Record<string, unknown> = {
      bold: false,
      italic: false,
      color: "#000000",
      size: 11,
      underline: "None",
      name: "Calibri",
    };
    if (!(prop in defaults)) throw new Error(`fake: RangeFont.${prop} is not modelled`);
    return common(
      this.areas(),
      (c) => (c?.format?.font as Record<string, unknown> | undefined)?.[prop] ?? defaults[prop],
    );
  }
  protected override scalars(): string[] {
    return ["bold", "italic", "color", "size", "underline", "name"];
  }
}

export class FakeRangeBorderCollection extends FakeFormatPart {
  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this.context, `${this._fakePath}.getItem(${index})`, this.areas, index);
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: RangeBorderCollection.${prop} is not modelled`);
  }
}

export class FakeRangeBorder extends FakeFormatPart {
  constructor(
    context: FakeRequestContext,
    path: string,
    areas: AreasGetter,
    private readonly edge: string,
  ) {
    super(context, path, areas);
  }
  private setBorder(k: "style" | "color", v: string): void {
    this.setEach(k, v, (c) => {
      const f = fmt(c);
      const b = (f.borders ??= {});
      b[this.edge] = { ...(b[this.edge] ?? { style: "Continuous" }), [k]: v };
    });
  }
  get style(): string {
    return this.read("style");
  }
  set style(v: string) {
    this.setBorder("style", v);
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.setBorder("color", v);
  }
  protected live(prop: string): unknown {
    if (prop !== "style" && prop !== "color") throw new Error(`fake: RangeBorder.${prop} is not modelled`);
    return common(
      this.areas(),
      (c) => c?.format?.borders?.[this.edge]?.[prop] ?? (prop === "style" ? "None" : "#000000"),
    );
  }
  protected override scalars(): string[] {
    return ["style", "color"];
  }
}

// ------------------------------------------------------------------ conditional formats, validation

type OneGetter = () => { sheet: FakeSheet; rect: Rect };

export class FakeConditionalFormatCollection extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly one: OneGetter,
  ) {
    super(context, path);
  }
  add(type: string): FakeConditionalFormat {
    let state: { color?: string } | null = null;
    this.op("add", [type], () => {
      const { sheet, rect } = this.one();
      const cf: { type: string; range: string; color?: string } = { type, range: rectAddress(rect) };
      sheet.conditionalFormats.push(cf);
      state = cf;
    });
    return new FakeConditionalFormat(this.context, `${this._fakePath}.add(${type})`, () => {
      if (!state) throw new FakeOfficeError("InvalidOperation", "conditional format used before it was added");
      return state;
    });
  }
  clearAll(): void {
    this.op("clearAll", [], () => {
      const { sheet, rect } = this.one();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(parseArea(cf.range), rect));
    });
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: ConditionalFormatCollection.${prop} is not modelled`);
  }
}

export class FakeConditionalFormat extends FakeClientObject {
  readonly dataBar: { positiveFormat: { fillColor: string }; barDirection: string };
  constructor(context: FakeRequestContext, path: string, state: () => { color?: string }) {
    super(context, path);
    const queue = (name: string, v: unknown, f: () => void): void =>
      this.context._fakeQueue({
        json: { p: `${path}.dataBar`, m: name, a: [v] },
        addresses: [],
        where: `${path}.dataBar.${name}`,
        run: f,
      });
    const positiveFormat = {
      set fillColor(v: string) {
        queue("set positiveFormat.fillColor", v, () => {
          state().color = v;
        });
      },
      get fillColor(): string {
        throw notLoaded("fillColor");
      },
    };
    this.dataBar = {
      positiveFormat,
      set barDirection(v: string) {
        queue("set barDirection", v, () => undefined);
      },
      get barDirection(): string {
        throw notLoaded("barDirection");
      },
    };
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: ConditionalFormat.${prop} is not modelled`);
  }
}

export class FakeDataValidation extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly one: OneGetter,
  ) {
    super(context, path);
  }
  private set(key: "rule" | "errorAlert" | "prompt" | "ignoreBlanks", v: unknown): void {
    this.op(
      `set ${key}`,
      [v],
      () => {
        const { sheet, rect } = this.one();
        let state = sheet.validations.find((x) => rectAddress(x.rect) === rectAddress(rect));
        if (!state) {
          state = { rect };
          sheet.validations.push(state);
        }
        (state as unknown as Record<string, unknown>)[key] = v;
      },
      { api: "1.8" },
    );
  }
  get rule(): unknown {
    return this.read("rule");
  }
  set rule(v: unknown) {
    this.set("rule", v);
  }
  get errorAlert(): unknown {
    return this.read("errorAlert");
  }
  set errorAlert(v: unknown) {
    this.set("errorAlert", v);
  }
  get prompt(): unknown {
    return this.read("prompt");
  }
  set prompt(v: unknown) {
    this.set("prompt", v);
  }
  get ignoreBlanks(): boolean {
    return this.read("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this.set("ignoreBlanks", v);
  }
  clear(): void {
    this.op(
      "clear",
      [],
      () => {
        const { sheet, rect } = this.one();
        sheet.validations = sheet.validations.filter((x) => !intersects(x.rect, rect));
      },
      { api: "1.8" },
    );
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: DataValidation.${prop} is not modelled`);
  }
}

// ------------------------------------------------------------------ charts

function rangeRef(r: FakeRange): string {
  const { sheet, rect } = r._fakeOne();
  return qualified(sheet.name, rect);
}

export class FakeChartCollection extends FakeClientObject {
  private itemList: FakeChart[] | null = null;
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, path);
  }
  get items(): FakeChart[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    let state: ChartState | null = null;
    this.op("add", [type, sourceData, seriesBy ?? "Auto"], () => {
      const s = this.sheet();
      const chart: ChartState = {
        name: `Диаграмма ${this.model.newId()}`,
        type,
        source: rangeRef(sourceData),
        seriesBy: seriesBy ?? "Auto",
        series: [{ pointColors: {} }],
      };
      s.charts.push(chart);
      state = chart;
    });
    return new FakeChart(this.context, `${this._fakePath}.add(${type})`, () => {
      if (!state) throw new FakeOfficeError("InvalidOperation", "chart used before it was added");
      return { sheet: this.sheet(), chart: state };
    });
  }
  load(spec?: LoadSpec): this {
    const props = (loadNames(spec) ?? ["name"]).map((n) => n.replace(/^items\//, ""));
    this.op(
      "load",
      [props.join(",")],
      () =>
        this.sheet().charts.map((c) =>
          Object.fromEntries(props.map((p) => [p, (c as unknown as Record<string, unknown>)[p]])),
        ),
      {
        deliver: (d) => {
          const s = this.sheet();
          this.itemList = (d as Record<string, unknown>[]).map((data, i) => {
            const chart = s.charts[i];
            const c = new FakeChart(this.context, `${this._fakePath}.items[${i}]`, () => ({ sheet: s, chart }));
            c._fakeDeliver(data);
            return c;
          });
        },
      },
    );
    return this;
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: ChartCollection.${prop} is not modelled`);
  }
}

type ChartGetter = () => { sheet: FakeSheet; chart: ChartState };

export class FakeChart extends FakeClientObject {
  readonly title: FakeChartTitle;
  readonly series: FakeChartSeriesCollection;
  readonly axes: FakeChartAxes;
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly get: ChartGetter,
  ) {
    super(context, path);
    this.title = new FakeChartTitle(context, `${path}.title`, get);
    this.series = new FakeChartSeriesCollection(context, `${path}.series`, get);
    this.axes = new FakeChartAxes(context, `${path}.axes`, get);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.op("set name", [v], () => {
      this.get().chart.name = v;
    });
  }
  get chartType(): string {
    return this.read("chartType");
  }
  set chartType(v: string) {
    this.op("set chartType", [v], () => {
      this.get().chart.type = v;
    });
  }
  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    const addr = (x: string | FakeRange | undefined) =>
      typeof x === "string" || x === undefined ? x : rectAddress(x._fakeOne().rect);
    this.op("setPosition", [startCell, endCell ?? null], () => {
      const start = addr(startCell) as string;
      parseArea(start);
      this.get().chart.position = { start, ...(endCell ? { end: addr(endCell) } : {}) };
    });
  }
  delete(): void {
    this.op("delete", [], () => {
      const { sheet, chart } = this.get();
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
  protected live(prop: string): unknown {
    const c = this.get().chart;
    if (prop === "name") return c.name;
    if (prop === "chartType") return c.type;
    throw new Error(`fake: Chart.${prop} is not modelled`);
  }
  protected override scalars(): string[] {
    return ["name", "chartType"];
  }
  load(spec?: LoadSpec): this {
    this.loadProps(spec);
    return this;
  }
}

export class FakeChartTitle extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly get: ChartGetter,
  ) {
    super(context, path);
  }
  get text(): string {
    return this.read("text");
  }
  set text(v: string) {
    this.op("set text", [v], () => {
      this.get().chart.title = v;
    });
  }
  protected live(prop: string): unknown {
    if (prop === "text") return this.get().chart.title ?? "";
    throw new Error(`fake: ChartTitle.${prop} is not modelled`);
  }
  protected override scalars(): string[] {
    return ["text"];
  }
}

export class FakeChartSeriesCollection extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly get: ChartGetter,
  ) {
    super(context, path);
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, `${this._fakePath}.getItemAt(${index})`, this.get, () => index);
  }
  /** ExcelApi 1.7: a new, empty series at the end. */
  add(name?: string, index?: number): FakeChartSeries {
    let at = -1;
    this.op(
      "add",
      [name ?? null, index ?? null],
      () => {
        const c = this.get().chart;
        c.series.push({ ...(name !== undefined ? { name } : {}), pointColors: {} });
        at = c.series.length - 1;
      },
      { api: "1.7" },
    );
    return new FakeChartSeries(this.context, `${this._fakePath}.add()`, this.get, () => at);
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: ChartSeriesCollection.${prop} is not modelled`);
  }
}

type SeriesGetter = () => ChartSeriesState;

export class FakeChartSeries extends FakeClientObject {
  readonly format: FakeChartSeriesFormat;
  readonly points: FakeChartPointsCollection;
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly get: ChartGetter,
    private readonly index: () => number,
  ) {
    super(context, path);
    this.format = new FakeChartSeriesFormat(context, `${path}.format`, () => this.state());
    this.points = new FakeChartPointsCollection(context, `${path}.points`, () => this.state());
  }
  private state(): ChartSeriesState {
    const s = this.get().chart.series[this.index()];
    if (!s) throw new FakeOfficeError("ItemNotFound", `The chart has no series ${this.index()}.`);
    return s;
  }
  set name(v: string) {
    this.op("set name", [v], () => {
      this.state().name = v;
    });
  }
  get name(): string {
    return this.read("name");
  }
  set chartType(v: Excel.ChartType) {
    this.op(
      "set chartType",
      [v],
      () => {
        this.state().chartType = v;
      },
      { api: "1.7" },
    );
  }
  get chartType(): Excel.ChartType {
    return this.read("chartType");
  }
  setXAxisValues(sourceData: FakeRange): void {
    this.op(
      "setXAxisValues",
      [sourceData],
      () => {
        const ref = rangeRef(sourceData);
        this.state().categories = ref;
        if (this.index() === 0) this.get().chart.categories = ref;
      },
      { api: "1.7" },
    );
  }
  setValues(sourceData: FakeRange): void {
    this.op(
      "setValues",
      [sourceData],
      () => {
        const ref = rangeRef(sourceData);
        this.state().values = ref;
        if (this.index() === 0) this.get().chart.values = ref;
      },
      { api: "1.7" },
    );
  }
  protected live(prop: string): unknown {
    if (prop === "name") return this.state().name ?? "";
    if (prop === "chartType") return this.state().chartType ?? this.get().chart.type;
    throw new Error(`fake: ChartSeries.${prop} is not modelled`);
  }
}

function checkColor(v: string): void {
  if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw new FakeOfficeError("InvalidArgument", `not a colour: ${v}`);
}

export class FakeChartSeriesFormat extends FakeClientObject {
  readonly fill: FakeChartFill;
  readonly line: FakeChartLineFormat;
  constructor(context: FakeRequestContext, path: string, get: SeriesGetter) {
    super(context, path);
    this.fill = new FakeChartFill(context, `${path}.fill`, (c) => (get().color = c));
    this.line = new FakeChartLineFormat(context, `${path}.line`, (c) => (get().color = c));
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: ChartSeriesFormat.${prop} is not modelled`);
  }
}

export class FakeChartFill extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly set: (color: string) => void,
  ) {
    super(context, path);
  }
  setSolidColor(color: string): void {
    this.op("setSolidColor", [color], () => {
      checkColor(color);
      this.set(color);
    });
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: ChartFill.${prop} is not modelled`);
  }
}

export class FakeChartLineFormat extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly set: (color: string) => void,
  ) {
    super(context, path);
  }
  set color(v: string) {
    this.op("set color", [v], () => {
      checkColor(v);
      this.set(v);
    });
  }
  get color(): string {
    return this.read("color");
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: ChartLineFormat.${prop} is not modelled`);
  }
}

export class FakeChartPointsCollection extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly get: SeriesGetter,
  ) {
    super(context, path);
  }
  getItemAt(index: number): FakeChartPoint {
    return new FakeChartPoint(this.context, `${this._fakePath}.getItemAt(${index})`, this.get, index);
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: ChartPointsCollection.${prop} is not modelled`);
  }
}

export class FakeChartPoint extends FakeClientObject {
  readonly format: FakeChartPointFormat;
  constructor(context: FakeRequestContext, path: string, get: SeriesGetter, index: number) {
    super(context, path);
    this.format = new FakeChartPointFormat(context, `${path}.format`, (c) => (get().pointColors[index] = c));
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: ChartPoint.${prop} is not modelled`);
  }
}

export class FakeChartPointFormat extends FakeClientObject {
  readonly fill: FakeChartFill;
  constructor(context: FakeRequestContext, path: string, set: (color: string) => void) {
    super(context, path);
    this.fill = new FakeChartFill(context, `${path}.fill`, set);
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: ChartPointFormat.${prop} is not modelled`);
  }
}

export class FakeChartAxes extends FakeClientObject {
  readonly valueAxis: FakeChartAxis;
  constructor(context: FakeRequestContext, path: string, get: ChartGetter) {
    super(context, path);
    this.valueAxis = new FakeChartAxis(context, `${path}.valueAxis`, () => (get().chart.valueAxis ??= {}));
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: ChartAxes.${prop} is not modelled`);
  }
}

export class FakeChartAxis extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly get: () => NonNullable<ChartState["valueAxis"]>,
  ) {
    super(context, path);
  }
  set minimum(v: number) {
    this.op("set minimum", [v], () => {
      this.get().minimum = v;
    });
  }
  get minimum(): number {
    return this.read("minimum");
  }
  set maximum(v: number) {
    this.op("set maximum", [v], () => {
      this.get().maximum = v;
    });
  }
  get maximum(): number {
    return this.read("maximum");
  }
  /** ExcelApi 1.8. */
  set numberFormat(v: string) {
    this.op(
      "set numberFormat",
      [v],
      () => {
        this.get().numberFormat = v;
      },
      { api: "1.8" },
    );
  }
  get numberFormat(): string {
    return this.read("numberFormat");
  }
  protected live(prop: string): unknown {
    const a = this.get();
    if (prop === "minimum") return a.minimum;
    if (prop === "maximum") return a.maximum;
    if (prop === "numberFormat") return a.numberFormat ?? "General";
    throw new Error(`fake: ChartAxis.${prop} is not modelled`);
  }
}

// ------------------------------------------------------------------ page layout (ExcelApi 1.9)

type LayoutGetter = () => PageLayoutState;

export class FakePageLayout extends FakeClientObject {
  readonly headersFooters: FakeHeaderFooterGroup;
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly get: LayoutGetter,
  ) {
    super(context, path);
    this.headersFooters = new FakeHeaderFooterGroup(context, `${path}.headersFooters`, get);
  }
  private set1<K extends keyof PageLayoutState>(name: string, key: K, v: PageLayoutState[K]): void {
    this.op(`set ${name}`, [v], () => (this.get()[key] = v), { api: "1.9" });
  }
  private margin(name: "left" | "right" | "top" | "bottom" | "header" | "footer", v: number): void {
    this.op(`set ${name}Margin`, [v], () => (this.get().margins[name] = v), { api: "1.9" });
  }
  set orientation(v: Excel.PageOrientation) {
    this.set1("orientation", "orientation", v);
  }
  get orientation(): Excel.PageOrientation {
    return this.read("orientation");
  }
  set paperSize(v: Excel.PaperType) {
    this.set1("paperSize", "paperSize", v);
  }
  get paperSize(): Excel.PaperType {
    return this.read("paperSize");
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.set1("zoom", "zoom", { ...v });
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.read("zoom");
  }
  set leftMargin(v: number) {
    this.margin("left", v);
  }
  get leftMargin(): number {
    return this.read("leftMargin");
  }
  set rightMargin(v: number) {
    this.margin("right", v);
  }
  get rightMargin(): number {
    return this.read("rightMargin");
  }
  set topMargin(v: number) {
    this.margin("top", v);
  }
  get topMargin(): number {
    return this.read("topMargin");
  }
  set bottomMargin(v: number) {
    this.margin("bottom", v);
  }
  get bottomMargin(): number {
    return this.read("bottomMargin");
  }
  set headerMargin(v: number) {
    this.margin("header", v);
  }
  get headerMargin(): number {
    return this.read("headerMargin");
  }
  set footerMargin(v: number) {
    this.margin("footer", v);
  }
  get footerMargin(): number {
    return this.read("footerMargin");
  }
  setPrintTitleRows(range: string): void {
    this.op(
      "setPrintTitleRows",
      [range],
      () => {
        if (!/^\$?\d+:\$?\d+$/.test(range)) throw new FakeOfficeError("InvalidArgument", `not rows: ${range}`);
        this.get().printTitleRows = range;
      },
      { api: "1.9" },
    );
  }
  setPrintArea(area: string): void {
    this.op(
      "setPrintArea",
      [area],
      () => {
        parseArea(area);
        this.get().printArea = area;
      },
      { api: "1.9" },
    );
  }
  protected live(prop: string): unknown {
    const l = this.get();
    if (prop === "orientation") return l.orientation ?? "Portrait";
    if (prop === "paperSize") return l.paperSize ?? "Letter";
    if (prop === "zoom") return l.zoom ?? { scale: 100 };
    throw new Error(`fake: PageLayout.${prop} is not modelled`);
  }
}

export class FakeHeaderFooterGroup extends FakeClientObject {
  readonly defaultForAllPages: FakeHeaderFooter;
  constructor(context: FakeRequestContext, path: string, get: LayoutGetter) {
    super(context, path);
    this.defaultForAllPages = new FakeHeaderFooter(context, `${path}.defaultForAllPages`, get);
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: HeaderFooterGroup.${prop} is not modelled`);
  }
}

export class FakeHeaderFooter extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly get: LayoutGetter,
  ) {
    super(context, path);
  }
  private put(key: keyof PageLayoutState["headerFooter"], v: string): void {
    this.op(`set ${key}`, [v], () => (this.get().headerFooter[key] = v), { api: "1.9" });
  }
  set leftHeader(v: string) {
    this.put("leftHeader", v);
  }
  get leftHeader(): string {
    return this.read("leftHeader");
  }
  set centerHeader(v: string) {
    this.put("centerHeader", v);
  }
  get centerHeader(): string {
    return this.read("centerHeader");
  }
  set rightHeader(v: string) {
    this.put("rightHeader", v);
  }
  get rightHeader(): string {
    return this.read("rightHeader");
  }
  set leftFooter(v: string) {
    this.put("leftFooter", v);
  }
  get leftFooter(): string {
    return this.read("leftFooter");
  }
  set centerFooter(v: string) {
    this.put("centerFooter", v);
  }
  get centerFooter(): string {
    return this.read("centerFooter");
  }
  set rightFooter(v: string) {
    this.put("rightFooter", v);
  }
  get rightFooter(): string {
    return this.read("rightFooter");
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: HeaderFooter.${prop} is not modelled`);
  }
}

// ------------------------------------------------------------------ notes (ExcelApi 1.18)

export class FakeNoteCollection extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, path);
  }
  add(cellAddress: string | FakeRange, content: string): FakeNote {
    const address = typeof cellAddress === "string" ? cellAddress : "";
    this.op(
      "add",
      [cellAddress, content],
      () => {
        const s = this.sheet();
        const rect =
          typeof cellAddress === "string" ? parseArea(splitSheet(cellAddress).address) : cellAddress._fakeOne().rect;
        if (rect.top !== rect.bottom || rect.left !== rect.right)
          throw new FakeOfficeError("InvalidCellAddress", "A note goes on a single cell.");
        const key = a1(rect.top, rect.left);
        if (s.notes.has(key)) throw new FakeOfficeError("InvalidOperation", `The cell ${key} already has a note.`);
        s.notes.set(key, String(content));
      },
      { api: "1.18", addresses: address ? [address] : [] },
    );
    return new FakeNote(this.context, `${this._fakePath}.add(${address})`, this.sheet, address, false);
  }
  getItem(key: string): FakeNote {
    const n = new FakeNote(this.context, `${this._fakePath}.getItem(${key})`, this.sheet, key, false);
    return n;
  }
  getItemOrNullObject(key: string): FakeNote {
    const n = new FakeNote(this.context, `${this._fakePath}.getItemOrNullObject(${key})`, this.sheet, key, true);
    return n;
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: NoteCollection.${prop} is not modelled`);
  }
}

export class FakeNote extends FakeNullable {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
    private readonly key: string,
    nullable: boolean,
  ) {
    super(context, path);
    if (nullable) this._fakeTrack("1.18");
  }
  protected exists(): boolean {
    return this.sheet().notes.has(this.cellKey());
  }
  private cellKey(): string {
    const r = parseArea(splitSheet(this.key).address);
    return a1(r.top, r.left);
  }
  get content(): string {
    return this.read("content");
  }
  set content(v: string) {
    this.op(
      "set content",
      [v],
      () => {
        this.sheet().notes.set(this.cellKey(), v);
      },
      { api: "1.18" },
    );
  }
  delete(): void {
    this.op(
      "delete",
      [],
      () => {
        const s = this.sheet();
        if (!s.notes.has(this.cellKey())) throw new FakeOfficeError("ItemNotFound", `No note at ${this.key}.`);
        s.notes.delete(this.cellKey());
      },
      { api: "1.18" },
    );
  }
  protected live(prop: string): unknown {
    if (prop === "content") return this.sheet().notes.get(this.cellKey()) ?? "";
    throw new Error(`fake: Note.${prop} is not modelled`);
  }
  protected override scalars(): string[] {
    return ["content"];
  }
  load(spec?: LoadSpec): this {
    this.loadProps(spec);
    return this;
  }
}

// ------------------------------------------------------------------ names

export class FakeNamedItemCollection extends FakeClientObject {
  private itemList: FakeNamedItem[] | null = null;
  get items(): FakeNamedItemObject[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList.map((n, i) => {
      const o = new FakeNamedItemObject(this.context, `${this._fakePath}.items[${i}]`, () => n);
      o._fakeDeliver({ name: n.name, formula: n.formula, type: "Range" });
      return o;
    });
  }
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItemObject {
    const ref = typeof reference === "string" ? reference : "";
    this.op(
      "add",
      [name, reference, comment ?? null],
      () => {
        if (this.model.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
          throw new FakeOfficeError("ItemAlreadyExists", `The name ${name} already exists.`);
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
          throw invalidArgument(`Invalid name: ${name}`);
        const formula =
          typeof reference === "string"
            ? reference.startsWith("=")
              ? reference
              : `=${reference}`
            : `=${rangeRef(reference)}`;
        const { sheet } = splitSheet(formula);
        if (sheet !== null && !this.model.sheet(sheet))
          throw new FakeOfficeError("InvalidReference", `No sheet ${sheet}.`);
        this.model.names.push({ name, formula, ...(comment ? { comment } : {}) });
      },
      { api: "1.4", addresses: ref ? [ref] : [] },
    );
    return new FakeNamedItemObject(this.context, `${this._fakePath}.add(${name})`, () => this.find(name));
  }
  private find(name: string): FakeNamedItem | null {
    return this.model.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  getItem(name: string): FakeNamedItemObject {
    return new FakeNamedItemObject(this.context, `${this._fakePath}.getItem(${name})`, () => {
      const n = this.find(name);
      if (!n) throw new FakeOfficeError("ItemNotFound", `The name ${name} does not exist.`);
      return n;
    });
  }
  getItemOrNullObject(name: string): FakeNamedItemObject {
    const o = new FakeNamedItemObject(this.context, `${this._fakePath}.getItemOrNullObject(${name})`, () =>
      this.find(name),
    );
    o._fakeTrack();
    return o;
  }
  load(spec?: LoadSpec): this {
    const names = loadNames(spec);
    if (!names?.length) this.env.stats.bareLoads++;
    this.op("load", [names?.join(",") ?? ""], () => this.model.names.map((n) => ({ ...n })), {
      deliver: (d) => {
        this.itemList = d as FakeNamedItem[];
      },
    });
    return this;
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: NamedItemCollection.${prop} is not modelled`);
  }
}

export class FakeNamedItemObject extends FakeNullable {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly get: () => FakeNamedItem | null,
  ) {
    super(context, path);
  }
  protected exists(): boolean {
    return this.get() !== null;
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(v: string) {
    this.op("set formula", [v], () => {
      const n = this.get();
      if (!n) throw new FakeOfficeError("ItemNotFound", "name");
      n.formula = v.startsWith("=") ? v : `=${v}`;
    });
  }
  get type(): string {
    return this.read("type");
  }
  delete(): void {
    this.op("delete", [], () => {
      const n = this.get();
      if (!n) throw new FakeOfficeError("ItemNotFound", "The name does not exist.");
      this.model.names = this.model.names.filter((x) => x !== n);
    });
  }
  protected live(prop: string): unknown {
    const n = this.get();
    if (!n) throw new FakeOfficeError("ItemNotFound", "The name does not exist.");
    if (prop === "name") return n.name;
    if (prop === "formula") return n.formula;
    if (prop === "type") return "Range";
    throw new Error(`fake: NamedItem.${prop} is not modelled`);
  }
  protected override scalars(): string[] {
    return ["name", "formula", "type"];
  }
  load(spec?: LoadSpec): this {
    this.loadProps(spec);
    return this;
  }
}

// ------------------------------------------------------------------ document properties (ExcelApi 1.7)

export class FakeDocumentProperties extends FakeClientObject {
  readonly custom: FakeCustomPropertyCollection;
  constructor(context: FakeRequestContext, path: string) {
    super(context, path);
    this.custom = new FakeCustomPropertyCollection(context, `${path}.custom`);
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: DocumentProperties.${prop} is not modelled`);
  }
}

export class FakeCustomPropertyCollection extends FakeClientObject {
  private itemList: FakeCustomProperty[] | null = null;
  get items(): FakeCustomProperty[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }
  add(key: string, value: unknown): FakeCustomProperty {
    this.op(
      "add",
      [key, value],
      () => {
        if (key.length > 255) throw invalidArgument("A custom property key is at most 255 characters.");
        const text = String(value);
        if (text.length > 255) throw invalidArgument("A custom property value is at most 255 characters.");
        this.model.customProperties.set(key, text);
      },
      { api: "1.7" },
    );
    return new FakeCustomProperty(this.context, `${this._fakePath}.add(${key})`, key);
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    const p = new FakeCustomProperty(this.context, `${this._fakePath}.getItemOrNullObject(${key})`, key);
    p._fakeTrack();
    return p;
  }
  load(spec?: LoadSpec): this {
    if (!loadNames(spec)?.length) this.env.stats.bareLoads++;
    this.op("load", [], () => [...this.model.customProperties].map(([key, value]) => ({ key, value })), {
      api: "1.7",
      deliver: (d) => {
        this.itemList = (d as { key: string; value: string }[]).map((x, i) => {
          const p = new FakeCustomProperty(this.context, `${this._fakePath}.items[${i}]`, x.key);
          p._fakeDeliver(x);
          return p;
        });
      },
    });
    return this;
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: CustomPropertyCollection.${prop} is not modelled`);
  }
}

export class FakeCustomProperty extends FakeNullable {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly k: string,
  ) {
    super(context, path);
  }
  protected exists(): boolean {
    return this.model.customProperties.has(this.k);
  }
  get key(): string {
    return this.read("key");
  }
  get value(): unknown {
    return this.read("value");
  }
  set value(v: unknown) {
    this.op("set value", [v], () => {
      this.model.customProperties.set(this.k, String(v));
    });
  }
  delete(): void {
    this.op("delete", [], () => {
      this.model.customProperties.delete(this.k);
    });
  }
  protected live(prop: string): unknown {
    if (prop === "key") return this.k;
    if (prop === "value") return this.model.customProperties.get(this.k) ?? "";
    throw new Error(`fake: CustomProperty.${prop} is not modelled`);
  }
  protected override scalars(): string[] {
    return ["key", "value"];
  }
  load(spec?: LoadSpec): this {
    this.loadProps(spec);
    return this;
  }
}

// ------------------------------------------------------------------ custom XML parts (ExcelApi 1.5)

function namespaceOf(xml: string): string {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?<[^\s>/]+[^>]*\sxmlns="([^"]*)"/.exec(xml);
  return m ? m[1] : "";
}

export class FakeCustomXmlPartCollection extends FakeClientObject {
  add(xml: string): FakeCustomXmlPartObject {
    let created: FakeCustomXmlPart | null = null;
    this.op(
      "add",
      [xml],
      () => {
        if (!/^\s*(?:<\?xml[^>]*\?>\s*)?<[A-Za-z_]/.test(xml)) throw invalidArgument("Not well-formed XML.");
        created = { id: `{SVFAKE-${this.model.newId()}}`, namespaceUri: namespaceOf(xml), xml };
        this.model.customXmlParts.push(created);
      },
      { api: "1.5" },
    );
    return new FakeCustomXmlPartObject(this.context, `${this._fakePath}.add()`, () => created);
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(
      this.context,
      `${this._fakePath}.getByNamespace(${namespaceUri})`,
      namespaceUri,
    );
  }
  getItemOrNullObject(id: string): FakeCustomXmlPartObject {
    const o = new FakeCustomXmlPartObject(
      this.context,
      `${this._fakePath}.getItemOrNullObject(${id})`,
      () => this.model.customXmlParts.find((p) => p.id === id) ?? null,
    );
    o._fakeTrack();
    return o;
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: CustomXmlPartCollection.${prop} is not modelled`);
  }
}

export class FakeCustomXmlPartScopedCollection extends FakeClientObject {
  private itemList: FakeCustomXmlPartObject[] | null = null;
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly ns: string,
  ) {
    super(context, path);
  }
  get items(): FakeCustomXmlPartObject[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }
  getOnlyItemOrNullObject(): FakeCustomXmlPartObject {
    const o = new FakeCustomXmlPartObject(this.context, `${this._fakePath}.getOnlyItemOrNullObject()`, () => {
      const parts = this.model.customXmlParts.filter((p) => p.namespaceUri === this.ns);
      if (parts.length > 1) throw new FakeOfficeError("InvalidOperation", "More than one part has this namespace.");
      return parts[0] ?? null;
    });
    o._fakeTrack();
    return o;
  }
  load(spec?: LoadSpec): this {
    const names = (loadNames(spec) ?? []).map((n) => n.replace(/^items\//, ""));
    if (!names.length) this.env.stats.bareLoads++;
    this.op(
      "load",
      [names.join(",")],
      () =>
        this.model.customXmlParts
          .filter((p) => p.namespaceUri === this.ns)
          .map((p) => ({ id: p.id, namespaceUri: p.namespaceUri })),
      {
        api: "1.5",
        deliver: (d) => {
          this.itemList = (d as { id: string; namespaceUri: string }[]).map((x, i) => {
            const o = new FakeCustomXmlPartObject(
              this.context,
              `${this._fakePath}.items[${i}]`,
              () => this.model.customXmlParts.find((p) => p.id === x.id) ?? null,
            );
            o._fakeDeliver(x);
            return o;
          });
        },
      },
    );
    return this;
  }
  protected live(prop: string): unknown {
    throw new Error(`fake: CustomXmlPartScopedCollection.${prop} is not modelled`);
  }
}

export class FakeCustomXmlPartObject extends FakeNullable {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly get: () => FakeCustomXmlPart | null,
  ) {
    super(context, path);
  }
  protected exists(): boolean {
    return this.get() !== null;
  }
  private part(): FakeCustomXmlPart {
    const p = this.get();
    if (!p) throw new FakeOfficeError("ItemNotFound", "The custom XML part does not exist.");
    return p;
  }
  get id(): string {
    return this.read("id");
  }
  get namespaceUri(): string {
    return this.read("namespaceUri");
  }
  getXml(): FakeClientResult<string> {
    const r = new FakeClientResult<string>();
    this.op("getXml", [], () => this.part().xml, { api: "1.5", deliver: (d) => r._fakeSet(d as string) });
    return r;
  }
  setXml(xml: string): void {
    this.op(
      "setXml",
      [xml],
      () => {
        const p = this.part();
        p.xml = xml;
        p.namespaceUri = namespaceOf(xml);
      },
      { api: "1.5" },
    );
  }
  delete(): void {
    this.op(
      "delete",
      [],
      () => {
        const p = this.part();
        this.model.customXmlParts = this.model.customXmlParts.filter((x) => x !== p);
      },
      { api: "1.5" },
    );
  }
  protected live(prop: string): unknown {
    const p = this.part();
    if (prop === "id") return p.id;
    if (prop === "namespaceUri") return p.namespaceUri;
    throw new Error(`fake: CustomXmlPart.${prop} is not modelled`);
  }
  protected override scalars(): string[] {
    return ["id", "namespaceUri"];
  }
  load(spec?: LoadSpec): this {
    this.loadProps(spec);
    return this;
  }
}

/** The operation names the request JSON carries, for tests that look at what a sync sent. */
export type { Op as FakeOperation };
