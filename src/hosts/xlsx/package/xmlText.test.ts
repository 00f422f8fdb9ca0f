/** XML text escapes: entities, and Excel's `_xHHHH_` escapes for what XML 1.0 cannot carry. */
import { escapeAttr, escapeText } from "./xmlText";

describe("escapeText / escapeAttr", () => {
  it("leaves plain text (Russian, digits, punctuation) as it is", () => {
    const text = "Доля ШНОР, % — 2022/2023 (цель ≤ 20 %)";
    expect(escapeText(text)).toBe(text);
  });

  it("escapes entities, control characters, lone surrogates and a literal escape's underscore", () => {
    expect(escapeText("A & B <C>")).toBe("A &amp; B &lt;C&gt;");
    expect(escapeText("a\u0001b\u001Fc\tok\n")).toBe("a_x0001_b_x001F_c\tok\n");
    expect(escapeText("x\uD800y")).toBe("x_xD800_y");
    expect(escapeText("😀")).toBe("😀");
    expect(escapeText("_x0041_ и snake_case")).toBe("_x005F_x0041_ и snake_case");
    expect(escapeAttr('"a"\u0002')).toBe("&quot;a&quot;_x0002_");
  });
});
