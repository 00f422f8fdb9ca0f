import { memoizeText } from "./memo";

describe("memoizeText", () => {
  it("computes each distinct text once, remembering falsy results too", () => {
    const seen: string[] = [];
    const f = memoizeText((t) => {
      seen.push(t);
      return t === "" ? null : t.length;
    });
    expect([f("да"), f("да"), f(""), f(""), f("нет")]).toEqual([2, 2, null, null, 3]);
    expect(seen).toEqual(["да", "", "нет"]);
  });

  it("starts afresh past its limit instead of growing without bound", () => {
    let calls = 0;
    const f = memoizeText((t) => ++calls + t.length, 2);
    f("a");
    f("b");
    f("c"); // the memory was full: cleared, then «c» kept
    f("c");
    expect(calls).toBe(3);
    f("a"); // forgotten, computed again
    expect(calls).toBe(4);
  });
});
