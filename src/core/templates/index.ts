/** The five built-in templates (DOMAIN.md «The five seed projects»), parsed through the schema. */
import { TemplateSchema, type Template } from "../template/schema";
import { template as uchitelUchitelyu2020 } from "./uchitel-uchitelyu-2020";
import { template as ivanovo2020 } from "./ivanovo-2020";
import { template as uritsky2021 } from "./uritsky-2021";
import { template as effektivnayaShkola2023 } from "./effektivnaya-shkola-2023";
import { template as kovrovNetwork2021 } from "./kovrov-network-2021";

export const BUILTIN_TEMPLATES: readonly Template[] = [
  uchitelUchitelyu2020,
  ivanovo2020,
  uritsky2021,
  effektivnayaShkola2023,
  kovrovNetwork2021,
].map((t) => TemplateSchema.parse(t));

export function findTemplate(id: string, extra: readonly Template[] = []): Template | undefined {
  return [...extra, ...BUILTIN_TEMPLATES].find((t) => t.id === id);
}
