import { spawn } from "node:child_process";
import path from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";

/** A process with Next's error logging (and its exit on SIGTERM) that writes to stderr every 20 ms. */
const child = `
  process.on("uncaughtException", (error) => console.error(error));
  process.on("SIGTERM", () => process.exit(143));
  (await import(${JSON.stringify(path.resolve("lib/output-lost.ts"))})).shutDownWhenOutputIsLost();
  process.stdout.write("ready\\n");
  setInterval(() => process.stderr.write("a log line\\n"), 20);
`;

/** The exit code once its output is gone, or -1 if it was still running 5 s later. */
async function runUntilOutputIsLost(): Promise<number | null> {
  const proc = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", child], { stdio: ["ignore", "pipe", "pipe"] });
  await once(proc.stdout, "data");
  // As when the process that started it dies: nobody reads its output any more.
  proc.stdout.destroy();
  proc.stderr.destroy();
  const exited = once(proc, "exit").then(([code]) => code as number | null);
  const timeout = new Promise<"running">((resolve) => setTimeout(() => resolve("running"), 5_000));
  const outcome = await Promise.race([exited, timeout]);
  if (outcome === "running") {
    proc.kill("SIGKILL");
    await exited;
    return -1;
  }
  return outcome;
}

describe("shutDownWhenOutputIsLost", () => {
  it("shuts the process down as SIGTERM would once its output has no reader", async () => {
    expect(await runUntilOutputIsLost()).toBe(143);
  }, 15_000);
});
