/**
 * Owner matching for `OWNER_UNKNOWN`: an owner cell names one or more organisations or roles.
 * The cell is split into parts on commas, semicolons, line breaks and the word «и»; each part
 * is known when it contains (as whole words, after `ownerKey`) a name or alias of one of the
 * template's organisations, or one of the generic roles below.
 */
import type { Organisation } from "../template/schema";
import { containsWords, stripParentheses, wordsKey } from "../text/normalize";

/** Roles and bodies that every school-support project uses; templates add their organisations. */
export const GENERIC_OWNERS: readonly string[] = [
  "руководители ОО",
  "руководитель ОО",
  "руководители образовательных организаций",
  "администрация ОО",
  "администрация школ",
  "администрация образовательного учреждения",
  "образовательная организация",
  "образовательные организации",
  "ОО",
  "директор",
  "директора",
  "заместитель директора",
  "заместители директора",
  "заместители директоров",
  "педагоги",
  "учителя",
  "учителя-предметники",
  "педагогические работники",
  "методисты",
  "кураторы",
  "куратор",
  "муниципальный координатор",
  "управление образования",
  "отдел образования",
  "школы-участницы",
  "ШНОР",
  "ШНСУ",
  "РМО",
  "ШМО",
  "ММО",
];

export function ownerKey(s: string): string {
  return wordsKey(stripParentheses(s));
}

/** Split an owner cell into its parts (organisations / roles). */
export function splitOwners(text: string): string[] {
  return text
    .split(/[,;\n\r]+|\s+и\s+/u)
    .map((p) => p.trim())
    .filter((p) => ownerKey(p) !== "");
}

export class OwnerMatcher {
  private readonly keys: string[];

  constructor(organisations: readonly Organisation[], generic: readonly string[] = GENERIC_OWNERS) {
    const all = [...generic, ...organisations.flatMap((o) => [o.name, ...o.aliases])];
    this.keys = [...new Set(all.map(ownerKey).filter((k) => k !== ""))];
  }

  isKnownPart(part: string): boolean {
    const k = ownerKey(part);
    return this.keys.some((key) => containsWords(k, key));
  }

  private readonly cache = new Map<string, string[]>();

  /** The parts of an owner cell that match no organisation or role (cached: owners repeat). */
  unknownParts(text: string): string[] {
    let r = this.cache.get(text);
    if (!r) {
      r = splitOwners(text).filter((p) => !this.isKnownPart(p));
      this.cache.set(text, r);
    }
    return r;
  }
}
