import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "./log";

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const lines = (chunk: unknown) => String(chunk).trimEnd().split("\n").map((line) => JSON.parse(line) as { level: string; msg: string; id?: number });

describe("log", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes the info lines of one event-loop turn in one write, in order", async () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    log.info("first", { id: 1 });
    log.debug("second", { id: 2 });
    expect(out).not.toHaveBeenCalled();
    await nextTurn();
    expect(out).toHaveBeenCalledTimes(1);
    expect(lines(out.mock.calls[0]![0]).map((l) => [l.level, l.msg, l.id])).toEqual([
      ["info", "first", 1],
      ["debug", "second", 2],
    ]);
    log.info("third");
    await nextTurn();
    expect(out).toHaveBeenCalledTimes(2);
  });

  it("writes warnings and errors at once, after the info lines written before them", async () => {
    const calls: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (calls.push(`out ${lines(chunk).map((l) => l.msg)}`), true));
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (calls.push(`err ${lines(chunk).map((l) => l.msg)}`), true));
    log.info("before");
    log.error("failed", { error: new Error("boom") });
    expect(calls).toEqual(["out before", "err failed"]);
    await nextTurn();
    expect(calls).toHaveLength(2);
  });

  it("writes what waits before the process exits, even when it exits in the same turn", () => {
    const child = `import { log } from ${JSON.stringify(path.resolve("lib/log.ts"))}; log.info("last words"); process.exit(3);`;
    let stdout = "";
    try {
      execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", child], { encoding: "utf8" });
    } catch (error) {
      stdout = (error as { stdout: string }).stdout;
    }
    expect(lines(stdout).map((l) => l.msg)).toEqual(["last words"]);
  });
});
