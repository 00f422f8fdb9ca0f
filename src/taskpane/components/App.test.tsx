/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { HostError } from "../../hosts/host";
import { hostError } from "../../i18n/hostErrors";
import { en, format, ru } from "../../i18n/strings";
import { renderApp } from "../testing/render";

describe("App", () => {
  it("outside Office says so and offers the standalone page, in Russian by default", () => {
    renderApp("no-host", { locale: undefined });
    expect(screen.getByRole("heading", { name: ru.appTitle })).toBeTruthy();
    expect(screen.getByText(ru.noHostTitle)).toBeTruthy();
    expect(screen.getByText(ru.noHostNote)).toBeTruthy();
    const link = screen.getByRole("link", { name: ru.noHostStandaloneLink });
    expect(link.getAttribute("href")).toBe("standalone.html");
    expect(screen.queryByRole("tab")).toBeNull();
    expect(document.querySelector("main")?.getAttribute("lang")).toBe("ru");
  });

  it("outside Office in an English browser, with the standalone URL given", () => {
    renderApp("no-host", { locale: "en-GB", standaloneUrl: "../standalone.html" });
    expect(screen.getByText(en.noHostTitle)).toBeTruthy();
    expect(screen.getByRole("link", { name: en.noHostStandaloneLink }).getAttribute("href")).toBe("../standalone.html");
    expect(screen.queryByText(ru.noHostTitle)).toBeNull();
  });

  it("shows a spinner while Office loads", () => {
    renderApp("loading");
    expect(screen.getByText(ru.loading)).toBeTruthy();
    expect(screen.queryByRole("tab")).toBeNull();
  });

  it("shows a failed start with its code instead of a blank pane", () => {
    renderApp("loading", { startupError: new HostError("Office.js is too old", "ApiNotAvailable") });
    expect(screen.getByText("Office.js is too old")).toBeTruthy();
    expect(screen.getByText(format(ru.errorCode, { code: "ApiNotAvailable" }))).toBeTruthy();
    expect(screen.queryByText(ru.loading)).toBeNull();
  });

  it("shows Sverka's own error in the pane's language", () => {
    const startupError = hostError("UNSUPPORTED", { variant: "consolidation_no_reader" });
    renderApp("loading", { locale: "en-US", startupError });
    expect(screen.getByText("Consolidation is not available here: files cannot be read.")).toBeTruthy();
    expect(screen.queryByText(startupError.message)).toBeNull();
    expect(screen.getByText(format(en.errorCode, { code: "UNSUPPORTED" }))).toBeTruthy();
  });
});
