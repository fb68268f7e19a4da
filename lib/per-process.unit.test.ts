import { describe, expect, it, vi } from "vitest";
import { perProcess } from "./per-process";

describe("perProcess", () => {
  it("builds one value per name and configuration, and hands the same one back", () => {
    const create = vi.fn(() => ({}));
    const first = perProcess("unit.same", ["postgres://a", 4], create);
    expect(perProcess("unit.same", ["postgres://a", 4], create)).toBe(first);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it("builds another for another configuration or another name", () => {
    const a = perProcess("unit.config", ["postgres://a"], () => ({ db: "a" }));
    const b = perProcess("unit.config", ["postgres://b"], () => ({ db: "b" }));
    const named = perProcess("unit.other-name", ["postgres://a"], () => ({ db: "a, other name" }));
    expect([a, b, named]).toEqual([{ db: "a" }, { db: "b" }, { db: "a, other name" }]);
    expect(perProcess("unit.config", ["postgres://a"], () => ({ db: "not built" }))).toBe(a);
  });

  it("is found again by a module evaluated afresh, as the dev server re-evaluates on change", async () => {
    const before = perProcess("unit.fresh", ["x"], () => ({}));
    vi.resetModules();
    const { perProcess: again } = await import("./per-process");
    expect(again).not.toBe(perProcess);
    expect(again("unit.fresh", ["x"], () => ({}))).toBe(before);
  });
});

