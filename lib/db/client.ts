import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { env } from "@/lib/env";
import { perProcess } from "@/lib/per-process";
import { PrismaClient } from "./generated/client";
import { createPool } from "./sql";

export type Db = InstanceType<typeof PrismaClient>;

type PoolConfig = { connectionString: string; max: number; timeoutMs: number; preparedStatements: boolean };

function createClients(config: PoolConfig): { db: Db; pool: pg.Pool } {
  const pool = createPool(config);
  // `$disconnect()` ends the shared pool too, so scripts that disconnect can exit.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // Under a burst, requests queue for a connection rather than fail after Prisma's default 2 s.
  return { db: new PrismaClient({ adapter, transactionOptions: { maxWait: config.timeoutMs } }), pool };
}

const config: PoolConfig = {
  connectionString: env.DATABASE_URL,
  max: env.DATABASE_POOL_SIZE,
  timeoutMs: env.DATABASE_POOL_TIMEOUT_MS,
  preparedStatements: env.DATABASE_PREPARED_STATEMENTS === "on",
};
// The dev server evaluates this module again on every change: keep one pool per process and
// database (per-process.ts). Per database, so a test that imports the app for a database of its
// own gets, and may end, a pool of its own.
const clients = env.NODE_ENV === "production" ? createClients(config) : perProcess("db", [config], () => createClients(config));

/**
 * The base client. It runs as the app's login role, to which row-level security
 * applies: tenant-owned tables return nothing here. Use it for users, organisations
 * and auth tables; use `inOrg` / `asUser` (tenant-transaction.ts) for everything else.
 */
export const db: Db = clients.db;

/** The pool under `db`, for the request paths that skip Prisma (sql.ts, tenant-transaction.ts). */
export const pool: pg.Pool = clients.pool;
