import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/client";
import { createPool } from "./sql";

export type Db = InstanceType<typeof PrismaClient>;

function createClients(): { db: Db; pool: pg.Pool } {
  const pool = createPool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, timeoutMs: env.DATABASE_POOL_TIMEOUT_MS });
  // `$disconnect()` ends the shared pool too, so scripts that disconnect can exit.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // Under a burst, requests queue for a connection rather than fail after Prisma's default 2 s.
  return { db: new PrismaClient({ adapter, transactionOptions: { maxWait: env.DATABASE_POOL_TIMEOUT_MS } }), pool };
}

// Next's dev server re-evaluates modules on change; keep one pool per process.
const globalForDb = globalThis as unknown as { tenantkitDb?: { db: Db; pool: pg.Pool } };
const clients = globalForDb.tenantkitDb ?? createClients();
if (env.NODE_ENV !== "production") globalForDb.tenantkitDb = clients;

/**
 * The base client. It runs as the app's login role, to which row-level security
 * applies: tenant-owned tables return nothing here. Use it for users, organisations
 * and auth tables; use `inOrg` / `asUser` (tenant-transaction.ts) for everything else.
 */
export const db: Db = clients.db;

/** The pool under `db`, for the request paths that skip Prisma (sql.ts, tenant-transaction.ts). */
export const pool: pg.Pool = clients.pool;
