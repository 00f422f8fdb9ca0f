/**
 * Template detection: with no template named, pick the best match from the recorded template
 * id, title text and sheet names (keywords) and the plan tables' headers, and say why (as params).
 */
import { cellAt, cellText, type WorkbookData } from "./model/sheet";
import type { IssueParams } from "./report/issue";
import { matchPlanSheet, sverkaSheetTest } from "./sheets/planSheets";
import type { Template } from "./template/schema";
import { containsWords, wordsKey } from "./text/normalize";

/** Custom property / `_sverka` key under which `sverka template` records the template id. */
export const TEMPLATE_PROPERTY = "sverka.template";
export const TEMPLATE_VERSION_PROPERTY = "sverka.templateVersion";

/** What speaks for a template: the recorded id, keywords found, plan sheets whose headers fit. */
export interface TemplateEvidence {
  recorded: boolean;
  keywords: string[];
  fitted: { sheet: string; spec: string }[];
}

export interface TemplateCandidate {
  id: string;
  score: number;
  evidence: TemplateEvidence;
}

export interface TemplateDetection {
  template: Template;
  /**
   * Why this template, as message params (`src/i18n/issueMessages.ts` renders them): `variant`
   * `detected` or `ambiguous`, `template`, `recorded`, `keywords`, `fitted_sheets` / `fitted_specs`,
   * `alternatives` (the close candidates of an ambiguous choice).
   */
  reasonParams: IssueParams;
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
  let score = 0;
  const recorded = wb.properties?.[TEMPLATE_PROPERTY] === template.id;
  if (recorded) score += 1000;
  const hits = template.keywords.filter((k) => containsWords(text, wordsKey(k)));
  score += hits.length * 20;
  let planFit = 0;
  const fitted: TemplateEvidence["fitted"] = [];
  const isOwn = sverkaSheetTest(wb);
  for (const s of wb.sheets) {
    if (isOwn(s.name)) continue;
    const m = matchPlanSheet(s, template);
    if (!m) continue;
    planFit += m.score / 100;
    fitted.push({ sheet: s.name, spec: m.spec.title });
  }
  score += planFit;
  return {
    id: template.id,
    score: Math.round(score * 100) / 100,
    evidence: { recorded, keywords: hits, fitted },
  };
}

export function detectTemplate(wb: WorkbookData, templates: readonly Template[]): TemplateDetection {
  if (!templates.length) throw new Error("no templates to choose from");
  const text = workbookText(wb);
  const candidates = templates.map((t) => scoreTemplate(wb, t, text)).sort((a, b) => b.score - a.score);
  const best = candidates[0];
  const second = candidates[1];
  const template = templates.find((t) => t.id === best.id) ?? templates[0];
  const ambiguous = !!second && best.score - second.score < 5;
  const e = best.evidence;
  const reasonParams: IssueParams = {
    variant: ambiguous ? "ambiguous" : "detected",
    template: best.id,
    ...(e.recorded ? { recorded: best.id } : {}),
    ...(e.keywords.length ? { keywords: e.keywords } : {}),
    ...(e.fitted.length
      ? {
          fitted_sheets: e.fitted.map((f) => f.sheet),
          fitted_specs: e.fitted.map((f) => f.spec),
        }
      : {}),
    ...(ambiguous
      ? {
          alternatives: candidates.filter((c) => best.score - c.score < 5 && c.id !== best.id).map((c) => c.id),
        }
      : {}),
  };
  return { template, reasonParams, candidates, ambiguous };
}
