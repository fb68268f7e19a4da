import { randomUUID } from "node:crypto";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { env } from "@/lib/env";

const entrySchema = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
});

export type OutboxEntry = z.infer<typeof entrySchema>;

/**
 * JSON lines under DATA_DIR: the dev server, the e2e runner and scripts are separate
 * processes, and all of them can read what any of them sent.
 */
const outboxFile = () => path.resolve(env.DATA_DIR, "outbox.jsonl");

export async function appendToOutbox(mail: Omit<OutboxEntry, "id" | "createdAt">): Promise<OutboxEntry> {
  const entry: OutboxEntry = { id: randomUUID(), createdAt: new Date().toISOString(), ...mail };
  const file = outboxFile();
  await mkdir(path.dirname(file), { recursive: true });
  // One append per entry: O_APPEND keeps concurrent writers' lines whole.
  await appendFile(file, `${JSON.stringify(entry)}\n`, "utf8");
  return entry;
}

/** Newest first; `to` matches the recipient case-insensitively. */
export async function readOutbox({ to, limit = 50 }: { to?: string; limit?: number } = {}): Promise<OutboxEntry[]> {
  let content: string;
  try {
    content = await readFile(outboxFile(), "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return []; // nothing sent yet
    throw error;
  }
  const recipient = to?.trim().toLowerCase();
  const entries: OutboxEntry[] = [];
  const lines = content.split("\n");
  for (let i = lines.length - 1; i >= 0 && entries.length < limit; i--) {
    const line = lines[i]?.trim();
    if (!line) continue;
    // A line another process is still writing, or one edited by hand, is skipped rather than fatal.
    const parsed = entrySchema.safeParse(safeJson(line));
    if (!parsed.success) continue;
    if (recipient && parsed.data.to.toLowerCase() !== recipient) continue;
    entries.push(parsed.data);
  }
  return entries;
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
