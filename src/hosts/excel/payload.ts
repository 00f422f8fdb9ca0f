/**
 * Excel's limits on one request (one `context.sync()`), shared by the host (which plans its
 * batches under them) and the fake (which enforces them like Excel on the web).
 *
 * - Excel on the web rejects a request or a response over 5 MB (`RequestPayloadSizeLimitExceeded`,
 *   `ResponsePayloadSizeLimitExceeded`).
 * - An address list (`getRanges("A1,B2:C3,…")`) must stay under 8,192 characters.
 */

/** 5 MB: the largest request or response Excel on the web accepts. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Longest address list Excel accepts in one call. */
export const ADDRESS_LIMIT = 8192;

/** Bytes of `s` in UTF-8 (what goes over the wire); no TextEncoder needed. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of the JSON of `v` in UTF-8. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "");
}

/**
 * Splits cell addresses into comma-separated lists each under `limit` characters (for
 * `worksheet.getRanges`).
 */
export function addressLists(addresses: readonly string[], limit = ADDRESS_LIMIT - 1): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of addresses) {
    if (a.length > limit) throw new RangeError(`address longer than ${limit} characters: ${a.slice(0, 40)}…`);
    if (cur && cur.length + 1 + a.length > limit) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}
