import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Json } from "./common";

/**
 * Keeps the dev server's objects in a JSON file between runs of `npm run dev`: the dev database
 * remembers its orgs' Stripe customer and subscription ids, so the stand-in has to as well.
 * URLs inside the objects point at the previous run's port and are moved to this run's.
 */

export type Snapshot = { baseUrl: string; maps: Record<string, [string, Json][]>; invoices: unknown };

export function loadSnapshot(file: string, baseUrl: string): Snapshot | null {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, "utf8");
  const saved = JSON.parse(text) as Snapshot;
  return JSON.parse(text.replaceAll(saved.baseUrl, baseUrl)) as Snapshot;
}

export function saveSnapshot(file: string, snapshot: Snapshot): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed, so a crash mid-write never leaves half a file to load next time.
  writeFileSync(`${file}.tmp`, JSON.stringify(snapshot));
  renameSync(`${file}.tmp`, file);
}
