/** Testing Library helpers shared by the pane's component tests (jsdom). */
import { configure, fireEvent, render, screen, waitFor, within, type RenderResult } from "@testing-library/react";
import App, { type AppProps } from "../components/App";
import type { Severity } from "../../core/report/issue";
import { ru, type Strings } from "../../i18n/strings";
import { pickedFileReader } from "../../hosts/xlsx/pickedFiles";
import { FileReaderContext } from "../filePort";
import { SpravkaContext, type SpravkaLoader } from "../spravkaPort";
import type { FakeHost } from "./fakeHost";

// Fluent's Overflow (the tab list) watches its size; jsdom has no ResizeObserver (and no layout:
// every width is 0, so the charts, drawn at the pane's width, are not drawn here).
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as Record<string, unknown>).ResizeObserver ??= NoResizeObserver;

// `getByRole` skips its accessibility-tree walk (getComputedStyle on every ancestor), which is slow
// under Fluent's many style rules; the queries still match by role and accessible name.
configure({ defaultHidden: true });

/** Report date of the tests (the Lazo sample's monitoring ends in 2023). */
export const TEST_TODAY = "2023-12-31";

export interface PortOptions {
  /** The справка port (none by default: «Справка (Word)» is then absent, as where no entry wires it). */
  spravka?: SpravkaLoader;
}

export function renderApp(
  host: AppProps["host"],
  props: Partial<AppProps> = {},
  ports: PortOptions = {},
): RenderResult {
  // The entry wires the file host's reader (school files of a consolidation); the tests do the same.
  return render(
    <FileReaderContext.Provider value={() => Promise.resolve(pickedFileReader())}>
      <SpravkaContext.Provider value={ports.spravka ?? null}>
        <App host={host} locale="ru-RU" today={() => TEST_TODAY} {...props} />
      </SpravkaContext.Provider>
    </FileReaderContext.Provider>,
  );
}

/** A blob's bytes (jsdom's Blob has no `arrayBuffer`). */
export function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(blob);
  });
}

export function isDisabled(el: HTMLElement): boolean {
  return el.hasAttribute("disabled") || el.getAttribute("aria-disabled") === "true";
}

/**
 * The button whose text is `name` (by text, then up to the button: much faster than `getByRole`
 * on a large Fluent DOM, which computes roles for every element).
 */
export function button(name: string): HTMLElement {
  const found = screen
    .getAllByText(name)
    .map((el) => el.closest("button"))
    .filter((b): b is HTMLButtonElement => b !== null);
  if (found.length !== 1) throw new Error(`expected one button «${name}», found ${found.length}`);
  return found[0];
}

export function queryButton(name: string): HTMLElement | null {
  return (
    screen
      .queryAllByText(name)
      .find((el) => el.closest("button"))
      ?.closest("button") ?? null
  );
}

/** Waits until settings are loaded, clicks «Проверить книгу» and waits for the summary. */
export async function runCheck(t: Strings = ru): Promise<HTMLElement> {
  const b = await waitFor(() => button(t.checkWorkbook));
  await waitFor(() => expect(isDisabled(b)).toBe(false));
  fireEvent.click(b);
  return screen.findByTestId("summary", {}, { timeout: 10000 });
}

/** Waits until no action is running (the activity region is empty). */
export async function idle(): Promise<void> {
  await waitFor(() => expect(screen.getByTestId("activity").textContent).toBe(""), { timeout: 10000 });
}

export function issueRows(scope: HTMLElement = document.body): HTMLElement[] {
  return within(scope).queryAllByTestId("issue-row");
}

export interface IssueCardText {
  severity: Severity;
  sheet: string;
  cell: string;
  code: string;
  /** The location line as shown («Кадры!C20»). */
  where: string;
  message: string;
}

/** What an issue card shows and says about itself. */
export function issueCard(row: HTMLElement): IssueCardText {
  const data = (name: string) => row.getAttribute(`data-${name}`) ?? "";
  return {
    severity: data("severity") as Severity,
    sheet: data("sheet"),
    cell: data("cell"),
    code: data("code"),
    where: row.firstElementChild?.textContent ?? "",
    // A rule met once shows its message as the group's heading; the card then says only where.
    message:
      (
        within(row).queryByTestId("issue-message") ??
        row.closest('[data-testid="issue-group"]')?.querySelector('[data-testid="issue-message"]')
      )?.textContent ?? "",
  };
}

/** The group of the rule `code` (issues grouped by rule on «Проверка»). */
export function ruleGroup(code: string): HTMLElement {
  const found = screen.getAllByTestId("issue-group").filter((g) => g.getAttribute("data-code") === code);
  if (found.length !== 1) throw new Error(`expected one group ${code}, found ${found.length}`);
  return found[0];
}

/** Opens every collapsed issue group. */
export function openAllGroups(): void {
  for (const g of screen.queryAllByTestId("issue-group")) {
    const header = g.querySelector<HTMLElement>('button[aria-expanded="false"]');
    if (header) fireEvent.click(header);
  }
}

/** The item `name` of the «Ещё действия» menu (opened here). */
export async function menuItem(name: string, t: Strings = ru): Promise<HTMLElement> {
  if (!document.querySelector('[role="menu"]')) fireEvent.click(button(t.moreActions));
  return waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('[role="menuitem"]')].filter(
      (el) => el.textContent === name,
    );
    if (found.length !== 1) throw new Error(`expected one menu item «${name}», found ${found.length}`);
    return found[0];
  });
}

/** Runs the action `name` from the «Ещё действия» menu. */
export async function menuAction(name: string, t: Strings = ru): Promise<void> {
  fireEvent.click(await menuItem(name, t));
}

/** The tab whose text is `name` (Fluent renders a tab's text twice: shown and reserved for bold). */
export function tabNamed(name: string): HTMLElement {
  const tabs = new Set(screen.getAllByText(name).map((el) => el.closest<HTMLElement>('[role="tab"]')));
  tabs.delete(null);
  if (tabs.size !== 1) throw new Error(`expected one tab «${name}», found ${tabs.size}`);
  return [...tabs][0]!;
}

/** The control a visible `<label>` with this text points at (Fluent Field). */
export function labelled(label: string): HTMLElement {
  const labels = screen.getAllByText(label, { selector: "label" }) as HTMLLabelElement[];
  if (labels.length !== 1) throw new Error(`expected one label «${label}», found ${labels.length}`);
  const control = document.getElementById(labels[0].htmlFor);
  if (!control) throw new Error(`label «${label}» points at nothing`);
  return control;
}

/** The options of the open listbox (Fluent renders them in a portal with explicit roles). */
export function options(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[role="option"]')];
}

/** Opens a Fluent Dropdown by its field label and picks the option whose text matches. */
export async function pick(label: string, option: string | RegExp): Promise<void> {
  fireEvent.click(labelled(label));
  const matches = (el: HTMLElement) => {
    const text = el.textContent ?? "";
    return typeof option === "string" ? text === option : option.test(text);
  };
  const el = await waitFor(() => {
    const found = options().filter(matches);
    if (found.length !== 1) throw new Error(`expected one option ${String(option)}, found ${found.length}`);
    return found[0];
  });
  fireEvent.click(el);
}

export function lastCall(host: FakeHost, method: Parameters<FakeHost["callsOf"]>[0]): unknown[] | undefined {
  const calls = host.callsOf(method);
  return calls[calls.length - 1];
}

/**
 * Catches the downloads the pane starts (`saveFile`): the blobs handed to `URL.createObjectURL`
 * and the anchor clicks, which jsdom cannot follow. Call `restore()` when done.
 */
export function captureDownloads(): { blobs: Blob[]; clicks: jest.SpyInstance; restore: () => void } {
  const blobs: Blob[] = [];
  const url = globalThis.URL as unknown as Record<string, unknown>;
  url.createObjectURL = (b: Blob) => {
    blobs.push(b);
    return "blob:test";
  };
  url.revokeObjectURL = () => {};
  const clicks = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
  return { blobs, clicks, restore: () => clicks.mockRestore() };
}
