/**
 * Assessment procedures («ВПР 5 кл. математика», «ОГЭ русский язык», «ЕГЭ математика профиль»):
 * parsing free text into kind, grade and subject, and a canonical key so that different
 * spellings of one procedure compare equal.
 */
import { memoizeText } from "../text/memo";
import { foldText, wordsKey } from "../text/normalize";
import { SHNOR_PROCEDURES } from "./sheets";

export type ProcedureKind = "ВПР" | "ОГЭ" | "ЕГЭ" | "other";

export interface Procedure {
  readonly kind: ProcedureKind;
  /** Grade of a ВПР («ВПР 5 кл.» → 5); null for exams and when not given. */
  readonly grade: number | null;
  /** Normalised subject: «русский язык», «математика», «математика профильная», «математика базовая», or the words as written. */
  readonly subject: string;
  /** Canonical name, equal for all spellings of one procedure: «ВПР 5 кл. математика», «ЕГЭ математика профильная». */
  readonly key: string;
}

const KIND_TOKENS: Record<string, ProcedureKind> = { впр: "ВПР", огэ: "ОГЭ", егэ: "ЕГЭ" };
/** Words that carry no meaning for the subject. */
const STOP_WORDS = new Set([
  "кл",
  "класс",
  "класса",
  "классе",
  "классы",
  "классов",
  "в",
  "по",
  "предмет",
  "предмету",
  "экзамен",
  "уровень",
  "уровня",
  "г",
  "год",
]);
const PROFILE = /^(проф|п$)/u;
const BASE = /^(баз|б$)/u;

function mathSubject(tokens: readonly string[], kind: ProcedureKind): string | null {
  if (!tokens.some((t) => t.startsWith("мат"))) return null;
  let level: "профильная" | "базовая" | null = null;
  for (const t of tokens) {
    if (t.startsWith("мат")) continue;
    if (PROFILE.test(t)) level = "профильная";
    else if (BASE.test(t)) level = "базовая";
    else return null;
  }
  return level && kind === "ЕГЭ" ? `математика ${level}` : "математика";
}

function russianSubject(tokens: readonly string[]): string | null {
  if (!tokens.some((t) => t.startsWith("рус"))) return null;
  return tokens.every((t) => t.startsWith("рус") || t === "язык" || t === "яз" || t === "языку")
    ? "русский язык"
    : null;
}

/** Kind, grade and subject of a procedure text (memoised: a region repeats the same few names). */
export const parseProcedure: (text: string) => Procedure = memoizeText(parseProcedureUncached);

function parseProcedureUncached(text: string): Procedure {
  let s = foldText(text)
    .replace(/\(\s*п\s*\)/gu, " профильная ")
    .replace(/\(\s*б\s*\)/gu, " базовая ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/(\p{L})(\d)/gu, "$1 $2")
    .replace(/(\d)(\p{L})/gu, "$1 $2");
  s = s.trim();
  let kind: ProcedureKind = "other";
  let grade: number | null = null;
  const rest: string[] = [];
  for (const t of s.split(" ")) {
    if (!t) continue;
    const k = KIND_TOKENS[t];
    if (k && kind === "other") {
      kind = k;
      continue;
    }
    if (/^\d{1,2}$/.test(t)) {
      const n = Number(t);
      if (grade === null && n >= 1 && n <= 11) {
        grade = n;
        continue;
      }
    }
    if (/^\d{4}$/.test(t)) continue; // a year written into the procedure name
    if (/^(й|го|ый|ой|ые|х)$/.test(t)) continue; // «5-й класс»
    if (STOP_WORDS.has(t)) continue;
    rest.push(t);
  }
  if (kind === "other") {
    const key = wordsKey(text);
    return { kind, grade, subject: key, key };
  }
  if (kind !== "ВПР") grade = null;
  const subject = russianSubject(rest) ?? mathSubject(rest, kind) ?? rest.join(" ");
  const key =
    kind === "ВПР" ? `ВПР ${grade !== null ? `${grade} кл. ` : ""}${subject}`.trim() : `${kind} ${subject}`.trim();
  return { kind, grade, subject, key };
}

/** Canonical procedure name (see `parseProcedure`). */
export function procedureKey(text: string): string {
  return parseProcedure(text).key;
}

const defaultKeys = new Set(SHNOR_PROCEDURES.map(procedureKey));
const keyCache = new WeakMap<readonly string[], Set<string>>();

/** The set of canonical keys of a procedure list (cached per list). */
export function procedureKeySet(list: readonly string[] = SHNOR_PROCEDURES): ReadonlySet<string> {
  if (list === SHNOR_PROCEDURES) return defaultKeys;
  let set = keyCache.get(list);
  if (!set) {
    set = new Set(list.map(procedureKey));
    keyCache.set(list, set);
  }
  return set;
}

/** Whether a procedure decides ШНОР status (one of `list`, any spelling). */
export function isShnorProcedure(text: string, list: readonly string[] = SHNOR_PROCEDURES): boolean {
  return procedureKeySet(list).has(procedureKey(text));
}
