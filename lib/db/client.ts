import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/client";

export type Db = InstanceType<typeof PrismaClient>;

function createClient(): Db {
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
  // Under a burst, requests queue for a connection rather than fail after Prisma's default 2 s.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: env.DATABASE_POOL_TIMEOUT_MS } });
}

// Next's dev server re-evaluates modules on change; keep one pool per process.
const globalForDb = globalThis as unknown as { tenantkitDb?: Db };

/**
 * The base client. It runs as the app's login role, to which row-level security
 * applies: tenant-owned tables return nothing here. Use it for users, organisations
 * and auth tables; use `inOrg` / `asUser` (tenant-transaction.ts) for everything else.
 */
export const db: Db = globalForDb.tenantkitDb ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.tenantkitDb = db;
