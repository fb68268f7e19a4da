import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import type { Tx } from "@/lib/db/tenant-transaction";
import { env } from "@/lib/env";
import { requestFingerprint } from "./fingerprint";
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from "./header";
import { isHeldByAnother, keyStoreFor, type Claim, type IdempotencyScope, type KeyStore } from "./key-store";
import { openResponse, sealResponse, type StoredResponse } from "./sealed-response";

/** Visible ASCII without spaces, as UUIDs and Stripe-style keys are; a repeated header (joined with ", ") fails it too. */
const keySchema = z.string().regex(/^[\x21-\x7e]{1,255}$/, "must be 1 to 255 visible ASCII characters without spaces, such as a UUID");

/** Replayed with the body; everything else (request id, rate-limit headers) belongs to the repeat. */
const KEPT_HEADERS = ["content-type", "location"];
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

export type IdempotentRequest = {
  /**
   * Runs `work` once per key in `scope`, in the request's transaction `tx` (an org's, or a
   * user's for account routes): the claim on the key and the answer are written in that
   * transaction, so they commit with the work or not at all.
   */
  run(tx: Tx, scope: IdempotencyScope, body: unknown, work: () => Promise<Response>): Promise<Response>;
};

/**
 * The request's Idempotency-Key, for POSTs that send one (null otherwise: no cost, no
 * statement). A malformed key is refused (400) before anything runs. Called only by the
 * wrappers of routes that honour the header (withOrg, and withUser with `transaction`).
 *
 * What is stored: the answer of work that committed, whatever its status. A refusal that is
 * thrown (validation, permission, plan limit, a conflict) rolls the transaction back, claim
 * included: nothing was done, so nothing is stored, and a retry with the same key is judged
 * afresh. A repeat while the first is still running gets 409; one with another body, 422.
 */
export function idempotentRequest(req: NextRequest): IdempotentRequest | null {
  if (req.method !== "POST") return null;
  const header = req.headers.get(IDEMPOTENCY_HEADER);
  if (header === null) return null;
  const parsed = keySchema.safeParse(header);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "is invalid";
    throw new AppError("invalid_input", `Invalid header: ${IDEMPOTENCY_HEADER} ${message}.`, { errors: [{ path: IDEMPOTENCY_HEADER, message }] });
  }
  const key = parsed.data;
  const keyHash = createHash("sha256").update(key).digest("hex");

  return {
    async run(tx, scope, body, work) {
      const store = keyStoreFor(scope);
      const fingerprint = requestFingerprint({ method: req.method, path: req.nextUrl.pathname, query: req.nextUrl.searchParams, body });
      const claim = await claimKey(tx, store, keyHash, fingerprint);
      if (!claim.claimed) return replay(claim, fingerprint, (sealed) => openResponse(sealed, env.NEXTAUTH_SECRET, key, store.sealScope));

      const response = await work();
      const stored: StoredResponse = { headers: keptHeaders(response.headers), body: await response.clone().text() };
      await store.record(tx, keyHash, response.status, sealResponse(stored, env.NEXTAUTH_SECRET, key, store.sealScope));
      return response;
    },
  };
}

export const isReplayed = (response: Response) => response.headers.get(REPLAYED_HEADER) === "true";

const inProgress = () =>
  new AppError("idempotency_in_progress", `A request with this ${IDEMPOTENCY_HEADER} is still being answered. Retry in a moment to get its answer.`, {
    headers: { "retry-after": "1" },
  });

async function claimKey(tx: Tx, store: KeyStore, keyHash: string, fingerprint: string): Promise<Claim> {
  try {
    return await store.claim(tx, keyHash, fingerprint);
  } catch (error) {
    if (isHeldByAnother(error)) throw inProgress();
    throw error;
  }
}

function replay(claim: Claim, fingerprint: string, open: (sealed: Uint8Array) => StoredResponse | null): Response {
  if (claim.stored_fingerprint !== fingerprint) {
    throw new AppError(
      "idempotency_key_reused",
      `This ${IDEMPOTENCY_HEADER} was sent with a different request (method, path or body) in the last 24 hours. Use a new key for a new request.`,
    );
  }
  // A claim commits only with its answer, so a stored row without one is not expected.
  if (claim.stored_status === null || claim.stored_response === null) throw inProgress();
  const stored = open(claim.stored_response);
  if (!stored) {
    throw new AppError("conflict", `The answer stored for this ${IDEMPOTENCY_HEADER} can no longer be read (the server's secret has changed). Use a new key if the request should run again.`);
  }
  const headers = new Headers(stored.headers);
  headers.set(REPLAYED_HEADER, "true");
  return new Response(NULL_BODY_STATUSES.has(claim.stored_status) ? null : stored.body, { status: claim.stored_status, headers });
}

function keptHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value;
  }
  return kept;
}
