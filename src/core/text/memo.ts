/**
 * A text function remembered per distinct text: a region's columns repeat a handful of texts
 * (school years, «да»/«нет», procedure names) on tens of thousands of rows. The memory is bounded:
 * past `limit` distinct texts it starts afresh. Results are shared between callers, so they must
 * never be mutated.
 */
export function memoizeText<T>(compute: (text: string) => T, limit = 10_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as T;
    const value = compute(text);
    if (known.size >= limit) known.clear();
    known.set(text, value);
    return value;
  };
}
