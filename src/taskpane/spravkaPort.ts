/**
 * The справка port of the pane: how «Справка (Word)» turns a check into a Word document
 * (`buildSpravkaDocx`, `hosts/docx/spravka.ts`). Each entry point provides it (`index.tsx` and the
 * standalone page import the docx host on first use, so the docx library stays out of the first
 * load); the pane's components never import a concrete host. Without a port the action is absent.
 */
import { createContext, useContext } from "react";
import type { SpravkaInput } from "../core/report/spravka/build";

/** Builds the справка's .docx bytes. */
export type SpravkaBuilder = (input: SpravkaInput) => Promise<Uint8Array>;

/** Loads the builder when it is first needed. */
export type SpravkaLoader = () => Promise<SpravkaBuilder>;

export const SpravkaContext = createContext<SpravkaLoader | null>(null);

/** The entry's builder, or null where none was wired (the справка is then unavailable). */
export function useSpravkaPort(): SpravkaLoader | null {
  return useContext(SpravkaContext);
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** «справка-<workbook name without extension>.docx». */
export function spravkaFileName(workbookName: string): string {
  const base = workbookName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "книга";
  return `справка-${base}.docx`;
}
