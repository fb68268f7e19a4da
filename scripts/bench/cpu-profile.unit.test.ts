import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { summariseProfile } from "./cpu-profile";

const frame = (functionName: string, url = "", lineNumber = -1) => ({ functionName, url, lineNumber, columnNumber: 0, scriptId: "0" });

/** Written as `node --cpu-prof` writes them: samples name nodes, each delta is the time since the previous sample. */
function profileFile(samples: number[], timeDeltas: number[]): string {
  const nodes = [
    { id: 1, callFrame: frame("(root)"), children: [2, 3, 4, 5] },
    { id: 2, callFrame: frame("(idle)") },
    { id: 3, callFrame: frame("render", "file:///app/.next/server/page.js", 9) },
    // The same function reached through another call path: one entry in the summary.
    { id: 4, callFrame: frame("render", "file:///app/.next/server/page.js", 9) },
    { id: 5, callFrame: frame("", "node:internal/crypto/hkdf", 101) },
  ];
  const file = path.join(mkdtempSync(path.join(tmpdir(), "cpuprofile-")), "CPU.test.cpuprofile");
  writeFileSync(file, JSON.stringify({ nodes, startTime: 1_000_000, endTime: 2_000_000, samples, timeDeltas }));
  return file;
}

describe("summariseProfile", () => {
  // Times (µs since start): 0 idle, 100 render, 400 render (other path), 500 hkdf, 1100 idle, 1200 render.
  const file = profileFile([2, 3, 4, 5, 2, 3], [0, 100, 300, 100, 600, 100]);

  it("charges each sample the time until the next, by function, busy time only in percentages", () => {
    const summary = summariseProfile(file, { root: "/app" });
    expect(summary.window).toBe("whole run");
    expect(summary.totalMs).toBeCloseTo(1.2);
    expect(summary.idleMs).toBeCloseTo(0.2);
    expect(summary.top).toEqual([
      { function: "(anonymous)", location: "node:internal/crypto/hkdf:102", selfMs: 0.6, selfPercent: 60 },
      { function: "render", location: ".next/server/page.js:10", selfMs: 0.4, selfPercent: 40 },
    ]);
  });

  it("keeps only the samples inside a window of the monotonic clock", () => {
    const summary = summariseProfile(file, { root: "/app", window: { from: 1_000_350, to: 1_000_450 } });
    expect(summary.window).toBe("load");
    expect(summary.top).toEqual([{ function: "render", location: ".next/server/page.js:10", selfMs: 0.1, selfPercent: 100 }]);
  });

  it("falls back to the whole run when the window misses the profile", () => {
    expect(summariseProfile(file, { window: { from: 5, to: 6 } }).window).toBe("whole run");
  });

  it("lists at most `count` functions", () => {
    expect(summariseProfile(file, { count: 1 }).top).toHaveLength(1);
  });
});
