import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { constants } from "node:os";
import { type Prepared, prepare } from "./prepare";
import { serverEnv } from "./server-env";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const forwardedSignals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Prepares the database, then runs `next dev` or `next start` as a child process and
 * exits with its exit code, after stopping the embedded database (which lives in this
 * process). Extra arguments go to Next: `npm run dev -- --experimental-https`.
 */
export async function serve(command: "dev" | "start"): Promise<never> {
  let prepared: Prepared;
  try {
    prepared = await prepare({ dev: command === "dev" });
  } catch (error) {
    console.error(`\nCould not start Tenantkit: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }

  let code: number;
  try {
    // The dev server compiles on demand and needs room; the memory settings are for the production server.
    const env = command === "start" ? { ...prepared.env, ...serverEnv(prepared.env) } : prepared.env;
    code = await runNext([command, "--port", String(prepared.port), ...process.argv.slice(2)], env);
  } catch (error) {
    console.error(`Could not run next ${command}: ${error instanceof Error ? error.message : String(error)}`);
    code = 1;
  }
  await prepared.stop();
  process.exit(code);
}

/**
 * A Ctrl-C reaches Next directly (same process group); a SIGTERM from a process manager
 * reaches only this process. Forwarding both and waiting for Next to exit means the
 * database is never stopped under a running app.
 */
function runNext(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of forwardedSignals) process.on(signal, forward);

  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      for (const s of forwardedSignals) process.off(s, forward);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 1));
    });
  });
}
