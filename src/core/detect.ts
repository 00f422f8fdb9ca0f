/**
 * Template detection: with no template named, pick the best match from the recorded template
 * id, title text and sheet names (keywords) and the plan tables' headers, and say why.
 */
import { cellAt, cellText, type WorkbookData } from "./model/sheet";
import { matchPlanSheet, sverkaSheetTest } from "./sheets/planSheets";
import type { Template } from "./template/schema";
import { containsWords, wordsKey } from "./text/normalize";

/** Custom property / `_sverka` key under which `sverka template` records the template id. */
export const TEMPLATE_PROPERTY = "sverka.template";
export const TEMPLATE_VERSION_PROPERTY = "sverka.templateVersion";

export interface TemplateCandidate {
  id: string;
  score: number;
  reasons: string[];
}

export interface TemplateDetection {
  template: Template;
  /** Russian sentence: why this template. */
  reason: string;
  /** All templates with their scores, best first. */
  candidates: TemplateCandidate[];
  /** The best two are too close to tell apart. */
  ambiguous: boolean;
}

const TITLE_SCAN_ROWS = 40;

function workbookText(wb: WorkbookData): string {
  const parts: string[] = [];
  const isOwn = sverkaSheetTest(wb);
  for (const s of wb.sheets) {
    if (isOwn(s.name)) continue;
    parts.push(s.name);
    const rows = Math.min(s.rows.length, TITLE_SCAN_ROWS);
    for (let r = 1; r <= rows; r++) {
      const row = s.rows[r - 1];
      for (let c = 1; c <= row.length; c++) {
        const t = cellText(cellAt(s, r, c));
        if (t.length > 3 && !/^[\d.\s]+$/.test(t)) parts.push(t);
      }
    }
  }
  return wordsKey(parts.join(" \n "));
}

export function scoreTemplate(
  wb: WorkbookData,
  template: Template,
  text: string = workbookText(wb),
): TemplateCandidate {
  const reasons: string[] = [];
  let score = 0;
  const recorded = wb.properties?.[TEMPLATE_PROPERTY];
  if (recorded === template.id) {
    score += 1000;
    reasons.push(`в книге записан шаблон ${template.id}`);
  }
  const hits = template.keywords.filter((k) => containsWords(text, wordsKey(k)));
  if (hits.length) {
    score += hits.length * 20;
    reasons.push(`в тексте листов найдено ${hits.map((h) => `«${h}»`).join(", ")}`);
  }
  let planFit = 0;
  const fitted: string[] = [];
  const isOwn = sverkaSheetTest(wb);
  for (const s of wb.sheets) {
    if (isOwn(s.name)) continue;
    const m = matchPlanSheet(s, template);
    if (!m) continue;
    planFit += m.score / 100;
    fitted.push(`«${s.name}» → «${m.spec.title}»`);
  }
  if (fitted.length) {
    score += planFit;
    reasons.push(`заголовки таблиц подходят: ${fitted.join(", ")}`);
  }
  return { id: template.id, score: Math.round(score * 100) / 100, reasons };
}

export function detectTemplate(wb: WorkbookData, templates: readonly Template[]): TemplateDetection {
  if (!templates.length) throw new Error("no templates to choose from");
  const text = workbookText(wb);
  const candidates = templates.map((t) => scoreTemplate(wb, t, text)).sort((a, b) => b.score - a.score);
  const best = candidates[0];
  const second = candidates[1];
  const template = templates.find((t) => t.id === best.id) ?? templates[0];
  const ambiguous = !!second && best.score - second.score < 5;
  const why = best.reasons.length ? best.reasons.join("; ") : "ни один шаблон не подходит явно";
  const reason = ambiguous
    ? `Шаблон определён неоднозначно: выбран ${best.id} (${why}); близкие варианты: ${candidates
        .filter((c) => best.score - c.score < 5 && c.id !== best.id)
        .map((c) => c.id)
        .join(", ")}. Укажите шаблон явно (--template).`
    : `Выбран шаблон ${best.id}: ${why}.`;
  return { template, reason, candidates, ambiguous };
}
