import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * NEXTAUTH_SECRET for a machine that has none: generated once and kept in the data
 * folder, so sessions survive restarts without anyone having to run openssl first.
 */
export async function persistentNextAuthSecret(dataDir: string): Promise<{ secret: string; file: string; generated: boolean }> {
  const file = path.resolve(dataDir, "nextauth-secret");
  const existing = (await readFile(file, "utf8").catch(() => "")).trim();
  if (existing.length >= 32) return { secret: existing, file, generated: false };

  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return { secret, file, generated: true };
}
