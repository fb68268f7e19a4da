import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { z } from "zod";

/** What a replay needs besides the status: the headers that describe the body, and the body. */
const storedResponseSchema = z.object({ headers: z.record(z.string(), z.string()), body: z.string() });
export type StoredResponse = z.infer<typeof storedResponseSchema>;

/**
 * Answers are stored sealed (AES-256-GCM) under a key derived from the server's secret and the
 * Idempotency-Key itself, which is stored only as a hash. A created API key's secret is in its
 * answer, and the database keeps secrets only hashed: a copy of the table alone opens nothing.
 * `scope` binds the seal to its org and caller (or its user), so a row copied to another scope does not open.
 */
function sealKey(secret: string, idempotencyKey: string, scope: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, `tenantkit idempotency ${scope}`, idempotencyKey, 32));
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealResponse(response: StoredResponse, secret: string, idempotencyKey: string, scope: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", sealKey(secret, idempotencyKey, scope), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(response), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

/** The stored answer, or null when it does not open (the server's secret changed since). */
export function openResponse(sealed: Uint8Array, secret: string, idempotencyKey: string, scope: string): StoredResponse | null {
  const bytes = Buffer.from(sealed);
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealKey(secret, idempotencyKey, scope), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    return storedResponseSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
}
