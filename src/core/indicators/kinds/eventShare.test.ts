import { indicatorHints } from "../hints";
import { fixture } from "../testing/fixtures";
import { pick, runKind, twinOf } from "../testing/kinds";

const participation = {
  id: "event_shnor_participation",
  title: "Доля ШНОР, представленных на мероприятии",
  kind: "event_share" as const,
  numerator: { sheet: "events" as const, op: "count" as const },
  scale: 100,
  schools: "shnor" as const,
  period: { kind: "year" as const },
  targets: [{ op: ">=" as const, value: 70 }],
};

describe("event_share", () => {
  const f = fixture().schools([
    { name: "МБОУ СОШ № 1", shnor: true },
    { name: "МБОУ СОШ № 2", shnor: true },
    { name: "МБОУ СОШ № 3", shnor: true },
    { name: "МБОУ СОШ № 4", shnor: true },
    { name: "МБОУ СОШ № 5" },
  ]);
  const ev = (date: string, schools: string | null) =>
    f.add("events", { values: { date: new Date(`${date}T00:00:00Z`), level: "муниципальный", schools } });
  ev("2023-02-10", "МБОУ СОШ № 1; МБОУ СОШ № 2; МБОУ СОШ № 5"); // 2 of 4 = 50 %
  ev("2023-03-15", "МБОУ СОШ № 1;МБОУ СОШ № 2;МБОУ СОШ № 3;МБОУ СОШ № 4"); // 100 %
  ev("2023-05-20", null); // no participants: left out, counted
  const d = f.build();
  const run = runKind(participation, d);

  it("the mean of the per-event shares of ШНОР present; an event without participants is left out", () => {
    const v = pick(run.values, "event_shnor_participation", "2023");
    expect(v).toMatchObject({ value: 75, display: "75,0 %", excluded_rows: 1, met: true });
    expect(v.note).toBe("среднее по 2 мероприятиям; ШНОР: 4");
  });

  it("formula twin: AVERAGE of the per-event shares the engine wrote, equal to the value", () => {
    const twin = twinOf(run, d, pick(run.values, "event_shnor_participation", "2023"));
    expect(twin).toEqual({ text: "AVERAGE(F(events@2,3))", result: 75 });
  });

  it("hints: a share in per cent, a rise is good (target «≥ 70 %»)", () => {
    expect(indicatorHints(run.spec)).toMatchObject({ better: "up", numberFormat: '0.0" %"' });
  });
});
