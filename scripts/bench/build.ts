import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const BUILD_ID = ".next/BUILD_ID";
/** What `next build` reads: when one is newer than the build, the build is stale. */
const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package.json"];

/** The newest modification time under `entry` (a file or a folder), 0 when it does not exist. */
function newest(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const child of readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, child)));
  return latest;
}

/** Why the production build must be (re)made, or undefined when it is current. */
export function buildNeeded(): string | undefined {
  if (!existsSync(BUILD_ID)) return "there is no production build";
  const built = statSync(BUILD_ID).mtimeMs;
  const stale = SOURCES.find((source) => newest(source) > built);
  return stale ? `${stale} changed after the last build` : undefined;
}

/** Runs `next build` when the build is missing or stale (unless told not to), streaming its output. */
export function ensureBuild(allowed: boolean): void {
  const reason = buildNeeded();
  if (!reason) return;
  if (!allowed) {
    if (!existsSync(BUILD_ID)) throw new Error("No production build and --no-build given: run `npm run build` first.");
    console.warn(`Warning: ${reason}; measuring the existing build anyway (--no-build).`);
    return;
  }
  console.log(`Building (${reason}): next build…`);
  const started = Date.now();
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}
