import pg from "pg";
import { z } from "zod";

/**
 * Errors raised on purpose in the database (migrations' RAISE … USING ERRCODE) that the API
 * maps to a response. Custom SQLSTATEs sit outside Postgres' own classes.
 */
export const SQLSTATE = {
  /** The owner guard trigger (migration 20261130020000_owner_guard): the org would have no owner. */
  orgWithoutOwner: "TK001",
  /** A check inside `app_enqueue_job` (lib/db/job-schema.ts): not one of the app's task names. */
  unknownJobTask: "TK002",
  /** A wait longer than `lock_timeout`: app_claim_idempotency_key (lib/idempotency) sets one. */
  lockNotAvailable: "55P03",
  deadlockDetected: "40P01",
  serializationFailure: "40001",
} as const;

const adapterError = z.object({ cause: z.object({ kind: z.literal("postgres"), code: z.string() }) });
const wrappedAdapterError = z.object({ meta: z.object({ driverAdapterError: adapterError }) });

/**
 * The SQLSTATE behind an error, if Postgres raised it. Prisma's driver adapter reports it
 * as the `cause` of a DriverAdapterError: thrown as is when it happens at COMMIT (where deferred
 * triggers run), wrapped in `meta.driverAdapterError` when a query fails.
 */
export function postgresErrorCode(error: unknown): string | undefined {
  // Queries written in SQL (sql.ts) raise pg's own error.
  if (error instanceof pg.DatabaseError) return error.code;
  const direct = adapterError.safeParse(error);
  if (direct.success) return direct.data.cause.code;
  const wrapped = wrappedAdapterError.safeParse(error);
  return wrapped.success ? wrapped.data.meta.driverAdapterError.cause.code : undefined;
}
