/** The request header that names an operation, so a retry of it gets the first answer (idempotent-request.ts). */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
/** Set on an answer that is a replay of the first one, not the work done again. */
export const REPLAYED_HEADER = "Idempotent-Replayed";

/**
 * A fresh key for a client to send: 128 random bits as hex. `crypto.getRandomValues`, unlike
 * `randomUUID`, also exists in browsers on plain-HTTP origins other than localhost.
 */
export const newIdempotencyKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
