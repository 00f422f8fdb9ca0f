/** The dictionary and language of the pane, for every component below `SverkaPane`/`App`. */
import { createContext, useContext } from "react";
import { ru, type Lang, type Strings } from "../../i18n/strings";
import { formatPeriod } from "../indicatorView";

export interface PaneText {
  t: Strings;
  lang: Lang;
}

export const PaneTextContext = createContext<PaneText>({ t: ru, lang: "ru" });

export function usePaneText(): PaneText {
  return useContext(PaneTextContext);
}

/** `2020-09-01` as the language writes dates: 01.09.2020 in Russian, unchanged in English. */
export const formatIsoDate: (iso: string, lang: Lang) => string = formatPeriod;
