/**
 * Offline checks of manifest.xml (the online validator behind
 * `npm run validate` cannot be reached here). Each check is a function that
 * returns a list of problems; the suite asserts the real manifest has none,
 * and then feeds deliberately broken copies to show every check can fail.
 */
import * as fs from "fs";
import * as path from "path";
import { attr, descendants, parseXml, select, XmlElement, XmlError } from "./xml";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const ASSETS_DIR = path.join(ROOT, "assets");
const COMMANDS_PATH = path.join(ROOT, "src", "commands", "commands.ts");

const NS_OFFICEAPP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const NS_OV = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";

/** Children of <OfficeApp> for a TaskPaneApp, in XSD sequence order. */
const XSD_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "AllowSnapshot",
  "VersionOverrides",
];
/** The children this project requires. */
const REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

const RESOURCE_KINDS = ["Images", "Urls", "ShortStrings", "LongStrings"] as const;
type ResourceKind = (typeof RESOURCE_KINDS)[number];
const MAX_LENGTH: Partial<Record<ResourceKind, number>> = { ShortStrings: 125, LongStrings: 250 };

type Problems = string[];
type AssetReader = (fileName: string) => Buffer | undefined;

// ---------------------------------------------------------------- helpers

function one(el: XmlElement, ...p: string[]): XmlElement | undefined {
  const found = select(el, ...p);
  return found.length === 1 ? found[0] : undefined;
}

function resources(root: XmlElement): XmlElement | undefined {
  return one(root, "VersionOverrides", "Resources");
}

/** Resource id → { kind, element } for everything in <Resources>. */
function resourceMap(root: XmlElement): Map<string, { kind: ResourceKind; el: XmlElement }> {
  const map = new Map<string, { kind: ResourceKind; el: XmlElement }>();
  const res = resources(root);
  if (!res) return map;
  for (const kind of RESOURCE_KINDS) {
    for (const group of select(res, kind)) {
      for (const item of group.children) {
        const id = attr(item, "id");
        if (id !== undefined) map.set(id, { kind, el: item });
      }
    }
  }
  return map;
}

function enOverride(el: XmlElement): string | undefined {
  const o = el.children.find((c) => c.localName === "Override" && attr(c, "Locale") === "en-US");
  return o ? attr(o, "Value") : undefined;
}

function stringValue(root: XmlElement, resid: string | undefined, locale: "ru" | "en"): string | undefined {
  if (!resid) return undefined;
  const r = resourceMap(root).get(resid);
  if (!r) return undefined;
  return locale === "en" ? enOverride(r.el) : attr(r.el, "DefaultValue");
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Width and height from a PNG's IHDR chunk, or a reason it is not a PNG. */
export function pngSize(buf: Buffer): { width: number; height: number } | string {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(sig)) return "not a PNG (bad signature)";
  if (buf.readUInt32BE(8) !== 13 || buf.toString("ascii", 12, 16) !== "IHDR") return "first chunk is not IHDR";
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

// ----------------------------------------------------------------- checks

function checkRoot(root: XmlElement): Problems {
  const p: Problems = [];
  if (root.localName !== "OfficeApp") p.push(`root is <${root.name}>, expected <OfficeApp>`);
  if (root.ns !== NS_OFFICEAPP) p.push(`root namespace is ${root.ns}`);
  if (attr(root, "type") !== "TaskPaneApp") p.push(`xsi:type is ${attr(root, "type")}, expected TaskPaneApp`);
  return p;
}

function checkChildOrder(root: XmlElement): Problems {
  const p: Problems = [];
  const names = root.children.map((c) => c.localName);
  for (const n of names) if (!XSD_ORDER.includes(n)) p.push(`unexpected <${n}> in <OfficeApp>`);
  for (const r of REQUIRED) {
    const count = names.filter((n) => n === r).length;
    if (count !== 1) p.push(`<${r}> appears ${count} times, expected once`);
  }
  const known = names.filter((n) => XSD_ORDER.includes(n));
  for (let i = 1; i < known.length; i++) {
    if (XSD_ORDER.indexOf(known[i]) < XSD_ORDER.indexOf(known[i - 1])) {
      p.push(`<${known[i]}> comes after <${known[i - 1]}>, XSD order wants it before`);
    }
  }
  return p;
}

function checkIdentity(root: XmlElement): Problems {
  const p: Problems = [];
  const id = one(root, "Id")?.text ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) p.push(`Id is not a GUID: ${id}`);
  const version = one(root, "Version")?.text ?? "";
  if (version !== "1.0.0.0") p.push(`Version is ${version}, expected 1.0.0.0`);
  const provider = one(root, "ProviderName")?.text ?? "";
  if (provider !== "Sverka") p.push(`ProviderName is ${provider}`);
  return p;
}

function checkLocales(root: XmlElement): Problems {
  const p: Problems = [];
  const locale = one(root, "DefaultLocale")?.text;
  if (locale !== "ru-RU") p.push(`DefaultLocale is ${locale}, expected ru-RU`);
  for (const name of ["DisplayName", "Description"]) {
    const el = one(root, name);
    if (!el || !attr(el, "DefaultValue")) p.push(`<${name}> has no DefaultValue`);
    else if (!enOverride(el)) p.push(`<${name}> has no en-US Override`);
  }
  for (const [id, { kind, el }] of resourceMap(root)) {
    const ru = attr(el, "DefaultValue");
    const en = enOverride(el);
    if (!ru) p.push(`resource ${id} has no DefaultValue`);
    if (!en) p.push(`resource ${id} (${kind}) has no en-US Override`);
    const max = MAX_LENGTH[kind];
    for (const v of [ru, en]) if (max && v && v.length > max) p.push(`resource ${id} longer than ${max}: ${v}`);
  }
  return p;
}

function checkPermissionsHostsRequirements(root: XmlElement): Problems {
  const p: Problems = [];
  const perm = one(root, "Permissions")?.text;
  if (perm !== "ReadWriteDocument") p.push(`Permissions is ${perm}, expected ReadWriteDocument`);

  const hosts = select(root, "Hosts", "Host").map((h) => attr(h, "Name"));
  if (!hosts.includes("Workbook")) p.push(`Hosts has no Workbook (Excel): ${hosts.join(", ")}`);
  const voHosts = select(root, "VersionOverrides", "Hosts", "Host").map((h) => attr(h, "type"));
  if (!voHosts.includes("Workbook")) p.push("VersionOverrides has no Workbook host");
  const vo = one(root, "VersionOverrides");
  if (!vo || vo.ns !== NS_OV || attr(vo, "type") !== "VersionOverridesV1_0") p.push("VersionOverrides is not V1_0");

  const sets = one(root, "Requirements", "Sets");
  if (!sets) p.push("no <Requirements><Sets>");
  else {
    if (attr(sets, "DefaultMinVersion") !== "1.1") p.push(`DefaultMinVersion is ${attr(sets, "DefaultMinVersion")}`);
    const excel = sets.children.find((s) => s.localName === "Set" && attr(s, "Name") === "ExcelApi");
    const v = excel ? attr(excel, "MinVersion") : undefined;
    if (!v) p.push("no ExcelApi requirement set");
    else if (!/^\d+\.\d+$/.test(v) || compareVersions(v, "1.12") > 0) p.push(`ExcelApi MinVersion ${v} is above 1.12`);
  }
  return p;
}

/** Which resource kind an element referencing a resid must point at. */
function expectedKind(el: XmlElement): ResourceKind | undefined {
  if (el.localName === "Image") return "Images";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(el.localName)) return "Urls";
  if (["Label", "Title"].includes(el.localName)) return "ShortStrings";
  if (el.localName === "Description") return "LongStrings";
  return undefined;
}

function checkResids(root: XmlElement): Problems {
  const p: Problems = [];
  const res = resources(root);
  if (!res) return ["no <Resources>"];
  for (const kind of RESOURCE_KINDS) {
    const group = select(res, kind);
    if (group.length !== 1) p.push(`<Resources> has ${group.length} <bt:${kind}>`);
    else if (group[0].ns !== NS_BT) p.push(`<${group[0].name}> is not in the bt namespace`);
  }
  const ids: string[] = [];
  for (const kind of RESOURCE_KINDS) {
    for (const item of select(res, kind).flatMap((g) => g.children)) ids.push(attr(item, "id") ?? "");
  }
  for (const id of ids) if (ids.filter((x) => x === id).length > 1) p.push(`resource id ${id} defined twice`);
  const map = resourceMap(root);
  for (const el of descendants(root)) {
    const resid = attr(el, "resid");
    if (resid === undefined) continue;
    if (resid.length > 32) p.push(`resid ${resid} is longer than 32 characters`);
    const def = map.get(resid);
    if (!def) {
      p.push(`resid ${resid} (line ${el.line}) is not defined in <Resources>`);
      continue;
    }
    const kind = expectedKind(el);
    if (kind && def.kind !== kind) p.push(`<${el.name} resid="${resid}"> points at ${def.kind}, expected ${kind}`);
  }
  return p;
}

/** Every URL-looking value (attribute or text, namespace declarations aside) must be https. */
function checkHttps(root: XmlElement): Problems {
  const p: Problems = [];
  const looksLikeUrl = (v: string) => /^[a-z][a-z0-9+.-]*:/i.test(v.trim()) && /:\/\//.test(v);
  const urlElements = ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"];
  for (const el of descendants(root)) {
    for (const [k, v] of Object.entries(el.attrs)) {
      if (k === "xmlns" || k.startsWith("xmlns:")) continue;
      if (looksLikeUrl(v) && !v.startsWith("https://")) p.push(`${el.name}@${k} is not https: ${v}`);
    }
    if (el.text && (looksLikeUrl(el.text) || el.localName === "AppDomain") && !el.text.startsWith("https://")) {
      p.push(`<${el.name}> is not https: ${el.text}`);
    }
    if (urlElements.includes(el.localName) && el.parent === root) {
      const v = attr(el, "DefaultValue") ?? "";
      if (!v.startsWith("https://")) p.push(`<${el.name}> DefaultValue is not an https URL: ${v}`);
    }
  }
  for (const [id, { kind, el }] of resourceMap(root)) {
    if (kind !== "Images" && kind !== "Urls") continue;
    for (const v of [attr(el, "DefaultValue"), enOverride(el)]) {
      if (!v || !v.startsWith("https://")) p.push(`resource ${id} is not an https URL: ${v}`);
    }
  }
  return p;
}

function checkIcons(root: XmlElement, readAsset: AssetReader): Problems {
  const p: Problems = [];
  const checkFile = (url: string | undefined, size: number, where: string): void => {
    const m = url ? /\/assets\/([^/?#]+\.png)$/.exec(url) : null;
    if (!url || !m) {
      p.push(`${where}: ${url} is not a PNG under /assets/`);
      return;
    }
    const buf = readAsset(m[1]);
    if (!buf) {
      p.push(`${where}: assets/${m[1]} does not exist`);
      return;
    }
    const dims = pngSize(buf);
    if (typeof dims === "string") p.push(`${where}: assets/${m[1]} ${dims}`);
    else if (dims.width !== size || dims.height !== size) {
      p.push(`${where}: assets/${m[1]} is ${dims.width}x${dims.height}, declared ${size}x${size}`);
    }
  };

  // IconUrl 32 px, HighResolutionIconUrl 64 px; the file name carries the size too.
  for (const [name, size] of [
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
  ] as const) {
    const url = attr(one(root, name) ?? root, "DefaultValue");
    const named = url ? /icon-(\d+)\.png$/.exec(url) : null;
    if (!named || Number(named[1]) !== size) p.push(`<${name}> should name a ${size} px icon: ${url}`);
    checkFile(url, size, name);
  }

  // Every <bt:Image size=… resid=…> reference: the image resource must be that size.
  const map = resourceMap(root);
  const sizesByResid = new Map<string, Set<number>>();
  for (const el of descendants(root)) {
    const resid = attr(el, "resid");
    const size = attr(el, "size");
    if (el.localName !== "Image" || !resid) continue;
    if (!size || !/^\d+$/.test(size)) {
      p.push(`<${el.name} resid="${resid}"> has no numeric size`);
      continue;
    }
    if (!sizesByResid.has(resid)) sizesByResid.set(resid, new Set());
    sizesByResid.get(resid)?.add(Number(size));
  }
  for (const [resid, sizes] of sizesByResid) {
    if (sizes.size !== 1) p.push(`image ${resid} is used with different sizes: ${[...sizes].join(", ")}`);
    const def = map.get(resid);
    if (!def) continue; // reported by checkResids
    const size = [...sizes][0];
    checkFile(attr(def.el, "DefaultValue"), size, `image ${resid}`);
    checkFile(enOverride(def.el), size, `image ${resid} (en-US)`);
  }
  const declared = new Set([...sizesByResid.values()].flatMap((s) => [...s]));
  for (const needed of [16, 32, 80]) if (!declared.has(needed)) p.push(`no ${needed} px ribbon icon`);
  return p;
}

interface RibbonButton {
  id: string;
  actionType: string;
  labelRu?: string;
  labelEn?: string;
  taskpaneId?: string;
  sourceUrl?: string;
  functionName?: string;
}

function ribbonButtons(root: XmlElement): RibbonButton[] {
  const controls = select(
    root,
    "VersionOverrides",
    "Hosts",
    "Host",
    "DesktopFormFactor",
    "ExtensionPoint",
    "OfficeTab",
    "Group",
    "Control",
  );
  return controls.map((c) => {
    const action = one(c, "Action");
    const labelResid = attr(one(c, "Label") ?? c, "resid");
    const sourceResid = action ? attr(one(action, "SourceLocation") ?? action, "resid") : undefined;
    return {
      id: attr(c, "id") ?? "",
      actionType: action ? (attr(action, "type") ?? "") : "",
      labelRu: stringValue(root, labelResid, "ru"),
      labelEn: stringValue(root, labelResid, "en"),
      taskpaneId: action ? one(action, "TaskpaneId")?.text : undefined,
      sourceUrl: sourceResid ? attr(resourceMap(root).get(sourceResid)?.el ?? root, "DefaultValue") : undefined,
      functionName: action ? one(action, "FunctionName")?.text : undefined,
    };
  });
}

function checkRibbon(root: XmlElement): Problems {
  const p: Problems = [];
  const dff = one(root, "VersionOverrides", "Hosts", "Host", "DesktopFormFactor");
  if (!dff) return ["no <DesktopFormFactor> under the Workbook host"];
  if (!one(dff, "GetStarted")) p.push("no <GetStarted>");
  const commandsUrl = stringValueUrl(root, attr(one(dff, "FunctionFile") ?? dff, "resid"));
  if (commandsUrl !== "https://localhost:3000/commands.html") p.push(`FunctionFile is ${commandsUrl}`);
  const ep = one(dff, "ExtensionPoint");
  if (!ep || attr(ep, "type") !== "PrimaryCommandSurface") p.push("no PrimaryCommandSurface extension point");
  const tab = ep ? one(ep, "OfficeTab") : undefined;
  if (!tab || attr(tab, "id") !== "TabHome") p.push('no <OfficeTab id="TabHome">');
  const group = tab ? one(tab, "Group") : undefined;
  const groupResid = group ? attr(one(group, "Label") ?? group, "resid") : undefined;
  if (stringValue(root, groupResid, "ru") !== "Сверка" || stringValue(root, groupResid, "en") !== "Sverka") {
    p.push("group label is not «Сверка» / Sverka");
  }

  const taskpane = (one(root, "DefaultSettings", "SourceLocation") ?? root).attrs.DefaultValue;
  if (taskpane !== "https://localhost:3000/taskpane.html") p.push(`DefaultSettings SourceLocation is ${taskpane}`);

  const buttons = ribbonButtons(root);
  if (buttons.length !== 2) p.push(`expected 2 ribbon controls, found ${buttons.length}`);
  const [open, check] = buttons;
  if (
    !open ||
    open.actionType !== "ShowTaskpane" ||
    open.labelRu !== "Открыть панель" ||
    !open.labelEn ||
    open.taskpaneId !== "ButtonId1" ||
    open.sourceUrl !== taskpane
  ) {
    p.push(`first control is not «Открыть панель» → ShowTaskpane ButtonId1 taskpane.html: ${JSON.stringify(open)}`);
  }
  if (
    !check ||
    check.actionType !== "ExecuteFunction" ||
    check.labelRu !== "Проверить книгу" ||
    !check.labelEn ||
    check.functionName !== "checkWorkbook"
  ) {
    p.push(`second control is not «Проверить книгу» → ExecuteFunction checkWorkbook: ${JSON.stringify(check)}`);
  }
  const ids = buttons.map((b) => b.id);
  if (new Set(ids).size !== ids.length || ids.some((i) => !i)) p.push(`control ids not unique: ${ids.join(", ")}`);
  return p;
}

function stringValueUrl(root: XmlElement, resid: string | undefined): string | undefined {
  const r = resid ? resourceMap(root).get(resid) : undefined;
  return r && r.kind === "Urls" ? attr(r.el, "DefaultValue") : undefined;
}

function functionNames(root: XmlElement): string[] {
  return descendants(root)
    .filter((e) => e.localName === "FunctionName")
    .map((e) => e.text);
}

/** Loads src/commands/commands.ts with a fake Office and reports what it associates. */
function loadCommands(): { associated: Map<string, (event: Office.AddinCommands.Event) => unknown>; onReady: number } {
  const associated = new Map<string, (event: Office.AddinCommands.Event) => unknown>();
  let onReady = 0;
  const fakeOffice = {
    onReady: (cb?: () => void) => {
      onReady++;
      cb?.();
      return Promise.resolve({ host: null, platform: null });
    },
    actions: {
      associate: (name: string, fn: (event: Office.AddinCommands.Event) => unknown) => {
        associated.set(name, fn);
      },
    },
  };
  const g = globalThis as unknown as { Office?: unknown };
  const previous = g.Office;
  g.Office = fakeOffice;
  try {
    jest.isolateModules(() => {
      require(COMMANDS_PATH);
    });
  } finally {
    if (previous === undefined) delete g.Office;
    else g.Office = previous;
  }
  return { associated, onReady };
}

function checkFunctionNamesAssociated(root: XmlElement, associated: Set<string>): Problems {
  const names = functionNames(root);
  const p: Problems = [];
  if (names.length === 0) p.push("manifest has no <FunctionName>");
  for (const n of names)
    if (!associated.has(n)) p.push(`<FunctionName>${n}</FunctionName> is not associated in commands.ts`);
  for (const a of associated)
    if (!names.includes(a)) p.push(`commands.ts associates ${a}, which no <FunctionName> uses`);
  return p;
}

const readRealAsset: AssetReader = (fileName) => {
  const file = path.join(ASSETS_DIR, fileName);
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
};

function allProblems(xml: string, readAsset: AssetReader = readRealAsset): Problems {
  const root = parseXml(xml);
  return [
    ...checkRoot(root),
    ...checkChildOrder(root),
    ...checkIdentity(root),
    ...checkLocales(root),
    ...checkPermissionsHostsRequirements(root),
    ...checkResids(root),
    ...checkHttps(root),
    ...checkIcons(root, readAsset),
    ...checkRibbon(root),
  ];
}

// ------------------------------------------------------------------ suite

const manifestXml = fs.readFileSync(MANIFEST_PATH, "utf8");

/** Replaces exactly one occurrence, so a broken fixture cannot silently stay intact. */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const count = typeof from === "string" ? xml.split(from).length - 1 : (xml.match(new RegExp(from, "g")) ?? []).length;
  if (count !== 1) throw new Error(`mutation target ${String(from)} occurs ${count} times`);
  return xml.replace(from, to);
}

function fakePng(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write("IHDR", 12, "ascii");
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

describe("manifest.xml (offline validation)", () => {
  let root: XmlElement;

  beforeAll(() => {
    root = parseXml(manifestXml);
  });

  it("is well-formed XML", () => {
    expect(() => parseXml(manifestXml)).not.toThrow();
  });

  it("has OfficeApp (TaskPaneApp) as root", () => {
    expect(checkRoot(root)).toEqual([]);
  });

  it("has the required OfficeApp children in XSD order", () => {
    expect(checkChildOrder(root)).toEqual([]);
    expect(root.children.map((c) => c.localName)).toEqual(REQUIRED);
  });

  it("has a GUID Id, Version 1.0.0.0 and ProviderName Sverka", () => {
    expect(checkIdentity(root)).toEqual([]);
  });

  it("defaults to ru-RU with en-US overrides for names and every resource", () => {
    expect(checkLocales(root)).toEqual([]);
  });

  it("asks ReadWriteDocument, targets Excel (Workbook) and ExcelApi ≤ 1.12", () => {
    expect(checkPermissionsHostsRequirements(root)).toEqual([]);
  });

  it("defines every resid it references, with the right resource kind", () => {
    expect(checkResids(root)).toEqual([]);
  });

  it("uses https for every URL", () => {
    expect(checkHttps(root)).toEqual([]);
  });

  it("references icons that exist in assets/ with matching PNG sizes", () => {
    expect(checkIcons(root, readRealAsset)).toEqual([]);
  });

  it("has the «Сверка» group on Home with «Открыть панель» and «Проверить книгу»", () => {
    expect(checkRibbon(root)).toEqual([]);
  });

  it("has FunctionName checkWorkbook, associated by src/commands/commands.ts", () => {
    const { associated, onReady } = loadCommands();
    expect(functionNames(root)).toEqual(["checkWorkbook"]);
    expect(checkFunctionNamesAssociated(root, new Set(associated.keys()))).toEqual([]);
    expect(onReady).toBe(1);
  });

  it("checkWorkbook always completes the command event", async () => {
    const { associated } = loadCommands();
    const fn = associated.get("checkWorkbook");
    expect(fn).toBeDefined();
    const completed = jest.fn();
    // Without Excel the check fails; the failure goes to the console (an ExecuteFunction has no UI).
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await fn?.({ completed } as unknown as Office.AddinCommands.Event);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining("проверка книги не выполнена"), expect.anything());
    } finally {
      logged.mockRestore();
    }
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("commands.ts can be imported without Office", () => {
    const g = globalThis as unknown as { Office?: unknown };
    expect(g.Office).toBeUndefined();
    jest.isolateModules(() => {
      expect(() => require(COMMANDS_PATH)).not.toThrow();
    });
  });

  it("all icons in assets/ have the size their name says", () => {
    const files = fs.readdirSync(ASSETS_DIR).filter((f) => /^icon-\d+\.png$/.test(f));
    expect(files.sort()).toEqual(["icon-128.png", "icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
    for (const f of files) {
      const n = Number(/\d+/.exec(f)?.[0]);
      expect({ f, size: pngSize(fs.readFileSync(path.join(ASSETS_DIR, f))) }).toEqual({
        f,
        size: { width: n, height: n },
      });
    }
  });
});

describe("the offline checks catch broken manifests", () => {
  const broken = (from: string | RegExp, to: string): Problems => allProblems(mutate(manifestXml, from, to));

  it("the real manifest passes every check", () => {
    expect(allProblems(manifestXml)).toEqual([]);
  });

  it.each([
    ["a mismatched end tag", "</Permissions>", "</Permission>", /does not match <Permissions>/],
    [
      "an unclosed element",
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>ReadWriteDocument",
      /does not match <Permissions>/,
    ],
    [
      "a duplicate attribute",
      '<Host Name="Workbook"/>',
      '<Host Name="Workbook" Name="Document"/>',
      /duplicate attribute Name/,
    ],
    ["an unquoted attribute", '<Group id="SverkaGroup">', "<Group id=SverkaGroup>", /not quoted/],
    [
      "a bare ampersand",
      'LinkId=276812">\n          <bt:Override',
      'LinkId=276812&x=1">\n          <bt:Override',
      /entity/,
    ],
    ["an undeclared prefix", "<bt:Images>", "<zz:Images>", /<\/bt:Images> does not match <zz:Images>/],
    ["a second root", "</OfficeApp>", "</OfficeApp><OfficeApp/>", /content after the root/],
    ["'--' in a comment", "<!--\n  Sverka", "<!-- -- \n  Sverka", /'--' inside a comment/],
    ["a stray '<' in an attribute", 'Value="Sverka is ready"', 'Value="Sverka < ready"', /'<' in attribute value/],
  ] as const)("rejects XML with %s", (_what, from, to, message) => {
    expect(() => parseXml(mutate(manifestXml, from, to))).toThrow(XmlError);
    expect(() => parseXml(mutate(manifestXml, from, to))).toThrow(message);
  });

  it("resolves namespaces when the prefix is declared and rejects it when not", () => {
    const balanced = manifestXml.replace("<bt:Images>", "<zz:Images>").replace("</bt:Images>", "</zz:Images>");
    expect(() => parseXml(balanced)).toThrow(/undeclared namespace prefix zz/);
    const declared = balanced.replace("<zz:Images>", '<zz:Images xmlns:zz="urn:other">');
    const images = parseXml(declared).children.at(-1)?.children.at(-1)?.children[0];
    expect(images?.ns).toBe("urn:other");
    expect(checkResids(parseXml(declared)).join("\n")).toMatch(/not in the bt namespace/);
  });

  it("catches a wrong root element", () => {
    const xml = manifestXml.replace(/<OfficeApp /, "<OfficeAddin ").replace(/<\/OfficeApp>/, "</OfficeAddin>");
    expect(checkRoot(parseXml(xml)).join("\n")).toMatch(/expected <OfficeApp>/);
    expect(broken('xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"').join("\n")).toMatch(/TaskPaneApp/);
  });

  it("catches children out of XSD order, missing, repeated or unknown", () => {
    const outOfOrder = mutate(manifestXml, "  <ProviderName>Sverka</ProviderName>\n", "").replace(
      "  <Permissions>",
      "  <ProviderName>Sverka</ProviderName>\n  <Permissions>",
    );
    expect(checkChildOrder(parseXml(outOfOrder)).join("\n")).toMatch(/<ProviderName> comes after <DefaultSettings>/);
    const repeated = mutate(manifestXml, "  <Permissions>", "  <DefaultLocale>ru-RU</DefaultLocale>\n  <Permissions>");
    expect(checkChildOrder(parseXml(repeated)).join("\n")).toMatch(/<DefaultLocale> appears 2 times/);
    const missing = mutate(manifestXml, / {2}<SupportUrl [^\n]*\n/, "");
    expect(checkChildOrder(parseXml(missing)).join("\n")).toMatch(/<SupportUrl> appears 0 times/);
    const unknown = mutate(manifestXml, "  <Permissions>", "  <Bogus/>\n  <Permissions>");
    expect(checkChildOrder(parseXml(unknown)).join("\n")).toMatch(/unexpected <Bogus>/);
  });

  it("catches a bad Id, Version or ProviderName", () => {
    expect(broken(/<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>").join("\n")).toMatch(/not a GUID/);
    expect(broken("<Version>1.0.0.0</Version>", "<Version>1.0</Version>").join("\n")).toMatch(/Version is 1.0/);
    expect(broken("<ProviderName>Sverka</ProviderName>", "<ProviderName>Contoso</ProviderName>").join("\n")).toMatch(
      /ProviderName/,
    );
  });

  it("catches a wrong default locale or a missing en-US override", () => {
    expect(broken("<DefaultLocale>ru-RU</DefaultLocale>", "<DefaultLocale>en-US</DefaultLocale>").join("\n")).toMatch(
      /DefaultLocale is en-US/,
    );
    expect(broken('    <Override Locale="en-US" Value="Sverka"/>\n', "").join("\n")).toMatch(
      /<DisplayName> has no en-US Override/,
    );
    expect(broken('<bt:Override Locale="en-US" Value="Check workbook"/>', "").join("\n")).toMatch(
      /CheckWorkbookButton.Label \(ShortStrings\) has no en-US Override/,
    );
    expect(broken('Value="Open the Sverka task pane"', `Value="${"x".repeat(251)}"`).join("\n")).toMatch(
      /longer than 250/,
    );
  });

  it("catches wrong permissions, host or requirement set", () => {
    expect(broken("ReadWriteDocument", "ReadDocument").join("\n")).toMatch(/Permissions is ReadDocument/);
    expect(broken('<Host Name="Workbook"/>', '<Host Name="Document"/>').join("\n")).toMatch(/no Workbook/);
    expect(broken('<Host xsi:type="Workbook">', '<Host xsi:type="Document">').join("\n")).toMatch(
      /VersionOverrides has no Workbook host/,
    );
    expect(broken('MinVersion="1.12"', 'MinVersion="1.13"').join("\n")).toMatch(/above 1.12/);
    expect(broken('Name="ExcelApi"', 'Name="WordApi"').join("\n")).toMatch(/no ExcelApi/);
    expect(broken('DefaultMinVersion="1.1"', 'DefaultMinVersion="1.2"').join("\n")).toMatch(/DefaultMinVersion/);
  });

  it("catches an undefined resid or one of the wrong kind", () => {
    expect(broken('<Label resid="SverkaGroup.Label"/>', '<Label resid="Nope.Label"/>').join("\n")).toMatch(
      /resid Nope.Label .* not defined/,
    );
    expect(
      broken('<FunctionFile resid="Commands.Url"/>', '<FunctionFile resid="SverkaGroup.Label"/>').join("\n"),
    ).toMatch(/points at ShortStrings, expected Urls/);
    expect(broken('<bt:String id="GetStarted.Title"', '<bt:String id="TaskpaneButton.Label"').join("\n")).toMatch(
      /defined twice/,
    );
  });

  it("catches a non-https URL", () => {
    expect(broken('<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://').join("\n")).toMatch(
      /SupportUrl.*not https/,
    );
    expect(broken("<AppDomain>https://", "<AppDomain>http://").join("\n")).toMatch(/AppDomain> is not https/);
    expect(
      broken(
        '<bt:Override Locale="en-US" Value="https://localhost:3000/commands.html"/>',
        '<bt:Override Locale="en-US" Value="http://localhost:3000/commands.html"/>',
      ).join("\n"),
    ).toMatch(/Commands.Url is not an https URL/);
  });

  it("catches a missing icon or a size mismatch", () => {
    const without32: AssetReader = (f) => (f === "icon-32.png" ? undefined : readRealAsset(f));
    expect(allProblems(manifestXml, without32).join("\n")).toMatch(/icon-32.png does not exist/);
    const wrong80: AssetReader = (f) => (f === "icon-80.png" ? fakePng(64, 64) : readRealAsset(f));
    expect(allProblems(manifestXml, wrong80).join("\n")).toMatch(/icon-80.png is 64x64, declared 80x80/);
    const notPng: AssetReader = (f) => (f === "icon-64.png" ? Buffer.from("GIF89a") : readRealAsset(f));
    expect(allProblems(manifestXml, notPng).join("\n")).toMatch(/icon-64.png not a PNG/);
    expect(
      broken(
        '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>',
        '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-80.png"/>',
      ).join("\n"),
    ).toMatch(/HighResolutionIconUrl> should name a 64 px icon/);
    expect(
      broken(
        '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png">',
        '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png">',
      ).join("\n"),
    ).toMatch(/image Icon.16x16: assets\/icon-32.png is 32x32, declared 16x16/);
  });

  it("catches a changed ribbon", () => {
    expect(broken('<OfficeTab id="TabHome">', '<OfficeTab id="TabData">').join("\n")).toMatch(/TabHome/);
    expect(broken('DefaultValue="Открыть панель"', 'DefaultValue="Показать"').join("\n")).toMatch(
      /first control is not/,
    );
    expect(broken("<TaskpaneId>ButtonId1</TaskpaneId>", "<TaskpaneId>Other</TaskpaneId>").join("\n")).toMatch(
      /first control is not/,
    );
    expect(broken('xsi:type="ExecuteFunction"', 'xsi:type="ShowTaskpane"').join("\n")).toMatch(/second control is not/);
    expect(
      broken("<FunctionName>checkWorkbook</FunctionName>", "<FunctionName>check</FunctionName>").join("\n"),
    ).toMatch(/second control is not/);
    expect(broken('id="CheckWorkbookButton"', 'id="TaskpaneButton"').join("\n")).toMatch(/control ids not unique/);
    expect(
      broken(
        '<bt:String id="SverkaGroup.Label" DefaultValue="Сверка">',
        '<bt:String id="SverkaGroup.Label" DefaultValue="Группа">',
      ).join("\n"),
    ).toMatch(/group label/);
  });

  it("catches a FunctionName that commands.ts does not associate", () => {
    const renamed = parseXml(
      mutate(manifestXml, "<FunctionName>checkWorkbook</FunctionName>", "<FunctionName>run</FunctionName>"),
    );
    const associated = new Set(loadCommands().associated.keys());
    expect(checkFunctionNamesAssociated(renamed, associated).join("\n")).toMatch(/run.* is not associated/);
    const real = parseXml(manifestXml);
    expect(checkFunctionNamesAssociated(real, new Set(["other"])).join("\n")).toMatch(
      /checkWorkbook.* is not associated/,
    );
    expect(checkFunctionNamesAssociated(real, new Set(["checkWorkbook", "extra"])).join("\n")).toMatch(
      /associates extra/,
    );
  });
});
