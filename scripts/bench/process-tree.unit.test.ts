import { describe, expect, it } from "vitest";
import { cpuBetween, cpuByProcess, machineMeter, processesNamed } from "./process-tree";

describe("cpuBetween", () => {
  it("counts what each process used in between, a process that started in between whole, and one that ended not at all", () => {
    const before = new Map([
      [1, 100],
      [2, 50],
      [3, 70],
    ]);
    const after = new Map([
      [1, 130],
      [2, 50],
      [4, 20],
    ]);
    expect(cpuBetween(before, after)).toBe(30 + 0 + 20);
  });
});

describe("the /proc readings", () => {
  it("read this process's CPU time, find processes by name and read the machine's busy time", () => {
    const spin = Date.now() + 50;
    while (Date.now() < spin);
    expect(cpuByProcess([process.pid]).get(process.pid)).toBeGreaterThan(0);
    expect(cpuByProcess([2 ** 30]).size).toBe(0);
    expect(processesNamed("node")).toContain(process.pid);
    const [first] = machineMeter().values();
    expect(first).toBeGreaterThan(0);
  });
});
