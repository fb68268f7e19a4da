import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

const sh = (cmd: string, args: string[], timeoutMs: number) =>
  spawnSync(cmd, args, { stdio: "inherit", timeout: timeoutMs }).status === 0;

/**
 * A Chromium for the browser tests: Playwright's own if present or downloadable, else
 * Debian's `chromium` package (installed with apt when running as root). Returns a path
 * to pass as CHROMIUM_PATH, or undefined when Playwright's own build is used.
 */
export function ensureChromium(): string | undefined {
  if (existsSync(chromium.executablePath())) {
    console.log("  Chromium: Playwright's own build.");
    return undefined;
  }
  if (existsSync(DEBIAN_CHROMIUM)) {
    console.log(`  Chromium: Debian's package at ${DEBIAN_CHROMIUM}.`);
    return DEBIAN_CHROMIUM;
  }
  console.log("  Chromium: trying Playwright's download…");
  if (sh("npx", ["playwright", "install", "chromium"], 180_000) && existsSync(chromium.executablePath())) return undefined;
  if (process.getuid?.() === 0) {
    console.log("  Chromium: no download possible; installing Debian's chromium package with apt-get…");
    sh("apt-get", ["update", "-qq"], 300_000);
    sh("apt-get", ["install", "-y", "-qq", "chromium"], 600_000);
    if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  throw new Error("No Chromium available: install Debian's `chromium` package or run `npx playwright install chromium`.");
}
