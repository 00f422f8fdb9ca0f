import { isMeasurable } from "./measurable";

describe("isMeasurable", () => {
  it.each([
    "не менее 90 % ШНОР",
    "100 % ОО",
    "более 60 учителей",
    "не реже двух раз в год",
    "успешно обучились педагоги не менее 30 процентов ШНОР",
    "обучены педагоги из трех школ",
    "проведено 4 семинара",
  ])("measurable: %s", (t) => expect(isMeasurable(t)).toBe(true));
  it.each([
    "Организовано сотрудничество",
    "Материалы мероприятий",
    "проведены семинары для педагогов",
    "семинар-практикум",
  ])("not measurable: %s", (t) => expect(isMeasurable(t)).toBe(false));
});
