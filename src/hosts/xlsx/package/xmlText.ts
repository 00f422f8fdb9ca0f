/**
 * Escaping text for XML 1.0 parts. Characters XML 1.0 cannot carry (C0 controls other than tab,
 * line feed and carriage return, lone surrogates) are written as Excel's `_xHHHH_` escapes, as
 * Excel itself does in shared strings and inline strings.
 */

const INVALID =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what must be escaped
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character `controls` might change: most texts have none and are returned after one scan. */
// eslint-disable-next-line no-control-regex -- the control characters `INVALID` escapes
const SUSPECT = /[_\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

function controls(s: string): string {
  if (!SUSPECT.test(s)) return s;
  // A literal `_x0041_` would be read back as «A»: its underscore is escaped first.
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(INVALID, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

export function escapeText(s: string): string {
  let out = s;
  if (/[&<>]/.test(out)) out = out.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return controls(out);
}

export function escapeAttr(s: string): string {
  return controls(
    s
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/\n/g, "&#10;")
      .replace(/\r/g, "&#13;")
      .replace(/\t/g, "&#9;"),
  );
}

/** A number as OOXML writes it (`xsd:double`); non-finite numbers have no XML form. */
export function numberText(n: number): string | undefined {
  return Number.isFinite(n) ? String(n) : undefined;
}
