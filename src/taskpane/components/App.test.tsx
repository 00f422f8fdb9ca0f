/** @jest-environment jsdom */
import * as React from "react";
import { act } from "react";
import { createRoot, Root } from "react-dom/client";
import App, { AppProps } from "./App";
import { en, ru } from "../../i18n/strings";

// @testing-library/react needs its peer @testing-library/dom, which is not
// installed (.npmrc omits peers), so this renders with react-dom + act
// directly, which is what testing-library does underneath.
(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(props: AppProps): HTMLElement {
  act(() => root.render(<App {...props} />));
  return container;
}

function text(): string {
  return container.textContent ?? "";
}

function checkButton(label: string): HTMLButtonElement {
  const button = [...container.querySelectorAll("button")].find((b) => b.textContent?.includes(label));
  if (!button) throw new Error(`no button «${label}» in: ${text()}`);
  return button;
}

function isDisabled(button: HTMLButtonElement): boolean {
  return button.disabled || button.getAttribute("aria-disabled") === "true";
}

describe("App", () => {
  it("shows the Russian header, description and an enabled «Проверить книгу» inside Office", () => {
    const onCheck = jest.fn();
    render({ host: "ready", locale: "ru-RU", onCheckWorkbook: onCheck });
    expect(text()).toContain("Сверка");
    expect(text()).toContain("Проверка планов-графиков и мониторинга по шаблону проекта");
    const button = checkButton("Проверить книгу");
    expect(isDisabled(button)).toBe(false);
    act(() => button.click());
    expect(onCheck).toHaveBeenCalledTimes(1);
    expect(text()).not.toContain(ru.noHostTitle);
  });

  it("keeps «Проверить книгу» disabled until Office is ready", () => {
    const onCheck = jest.fn();
    render({ host: "loading", locale: "ru-RU", onCheckWorkbook: onCheck });
    const button = checkButton(ru.checkWorkbook);
    expect(isDisabled(button)).toBe(true);
    act(() => button.click());
    expect(onCheck).not.toHaveBeenCalled();
    expect(text()).toContain(ru.loading);
  });

  it("outside Office asks to open the add-in in Excel, in Russian by default", () => {
    render({ host: "no-host" });
    expect(text()).toContain("Сверка");
    expect(text()).toContain("Откройте надстройку в Excel");
    expect(text()).toContain(ru.noHostNote);
    expect(text()).toMatch(/позже/);
    expect(container.querySelector("button")).toBeNull();
  });

  it("uses English strings for an en-US Office", () => {
    render({ host: "ready", locale: "en-US" });
    expect(text()).toContain(en.appTitle);
    expect(text()).toContain(en.appDescription);
    expect(isDisabled(checkButton("Check workbook"))).toBe(false);
    expect(text()).not.toContain(ru.appDescription);
    expect(container.querySelector("main")?.getAttribute("lang")).toBe("en");
  });

  it("uses English strings outside Office for an English browser", () => {
    render({ host: "no-host", locale: "en-GB" });
    expect(text()).toContain("Open the add-in in Excel");
    expect(text()).toContain(en.noHostNote);
    expect(text()).not.toContain(ru.noHostTitle);
  });
});
