/** The app's data folder (embedded database, generated secret); lib/env.ts has the same default. */
export function dataDir(): string {
  return process.env.DATA_DIR || ".data";
}
