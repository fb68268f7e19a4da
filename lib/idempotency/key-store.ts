import { postgresErrorCode, SQLSTATE } from "@/lib/db/postgres-error";
import type { Tx } from "@/lib/db/tenant-transaction";

/**
 * Whose keys a request's Idempotency-Key is one of. Org routes (withOrg) keep them per org and
 * caller (a user id, or `key:` and an API key's public id), in `idempotency_keys`; account
 * routes (withUser) per user, in `user_idempotency_keys`. Row-level security confines each to
 * the transaction's org or user.
 */
export type IdempotencyScope = { orgId: string; caller: string } | { userId: string };

export type Claim = { claimed: boolean; stored_fingerprint: string | null; stored_status: number | null; stored_response: Uint8Array | null };

export type KeyStore = {
  /** Binds a sealed answer to its scope (sealed-response.ts), so a row copied elsewhere does not open. */
  sealScope: string;
  /** Claims the key, or returns what is stored under it; throws `lockNotAvailable` while another request holds it. */
  claim(tx: Tx, keyHash: string, fingerprint: string): Promise<Claim>;
  record(tx: Tx, keyHash: string, status: number, sealed: Buffer): Promise<void>;
};

const one = (rows: Claim[], fn: string) => {
  const [claim] = rows;
  if (!claim) throw new Error(`${fn} returned no row`);
  return claim;
};

export function keyStoreFor(scope: IdempotencyScope): KeyStore {
  if ("userId" in scope) {
    const { userId } = scope;
    return {
      sealScope: `user\u0000${userId}`,
      claim: async (tx, keyHash, fingerprint) =>
        one(await tx.$queryRaw<Claim[]>`select * from app_claim_user_idempotency_key(${userId}, ${keyHash}, ${fingerprint})`, "app_claim_user_idempotency_key"),
      record: async (tx, keyHash, status, sealed) => {
        await tx.$executeRaw`update user_idempotency_keys set status = ${status}, response = ${sealed} where "userId" = ${userId} and "keyHash" = ${keyHash}`;
      },
    };
  }
  const { orgId, caller } = scope;
  return {
    sealScope: `${orgId}\u0000${caller}`,
    claim: async (tx, keyHash, fingerprint) =>
      one(await tx.$queryRaw<Claim[]>`select * from app_claim_idempotency_key(${orgId}, ${caller}, ${keyHash}, ${fingerprint})`, "app_claim_idempotency_key"),
    record: async (tx, keyHash, status, sealed) => {
      await tx.$executeRaw`update idempotency_keys set status = ${status}, response = ${sealed} where "orgId" = ${orgId} and caller = ${caller} and "keyHash" = ${keyHash}`;
    },
  };
}

/** The first request with this key holds it in a transaction that has not ended. */
export const isHeldByAnother = (error: unknown) => postgresErrorCode(error) === SQLSTATE.lockNotAvailable;
