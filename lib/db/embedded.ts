import { access, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { SessionQueue } from "./embedded-session-queue";

/**
 * The zero-setup database: PGlite (Postgres compiled to WebAssembly) persisted under
 * `<dataDir>/pglite` and served over the Postgres wire protocol, so the app, Prisma and
 * the migration runner connect to it exactly as to a real server.
 *
 * It runs in the calling process rather than as a spawned `pglite-server`: start-up is
 * awaited directly (no port polling) and it cannot outlive the dev script that owns it.
 *
 * PGlite has one Postgres session. The socket server multiplexes client connections onto
 * it; our SessionQueue (embedded-session-queue.ts) hands the session to one connection
 * for a whole exchange (Parse … Sync) or a whole transaction, so transactions are isolated
 * and run one at a time. Anything session-level
 * (a plain `SET`, session advisory locks, `LISTEN`) is shared by every connection: keep
 * settings transaction-local, as lib/db/tenant-transaction.ts does.
 */

export const DEFAULT_EMBEDDED_PORT = 54329;

// The app pool (DATABASE_POOL_SIZE), the migration runner, the seed and a job worker
// connect at the same time; an idle multiplexed connection costs next to nothing.
const MAX_CONNECTIONS = 64;

/**
 * PGlite builds in only the core of Postgres: an extension a migration creates must be loaded
 * here too (project search, prisma/migrations/20261203010000_project_search).
 */
const EXTENSIONS = { btree_gin, pg_trgm };

export type EmbeddedDatabase = {
  connectionString: string;
  /** The PGlite data directory. */
  directory: string;
  /** True when this start created the database (first run). */
  created: boolean;
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  /** The app's DATA_DIR; the database lives in `<dataDir>/pglite`. */
  dataDir: string;
  /** Preferred port; any free port is used when it is taken. 0 picks any. */
  port?: number;
};

export async function startEmbeddedDatabase({ dataDir, port = DEFAULT_EMBEDDED_PORT }: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const directory = path.resolve(dataDir, "pglite");
  await mkdir(directory, { recursive: true });
  const releaseLock = await lockDirectory(directory);

  try {
    const created = !(await exists(path.join(directory, "PG_VERSION")));
    const db = await PGlite.create(directory, { extensions: EXTENSIONS });
    let server: PGLiteSocketServer;
    try {
      server = await listen(db, port);
    } catch (error) {
      await db.close();
      throw error;
    }

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await server.stop();
        await db.close();
        await releaseLock();
      })());

    return {
      connectionString: `postgres://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`,
      directory,
      created,
      stop,
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

async function listen(db: PGlite, port: number): Promise<PGLiteSocketServer> {
  const start = async (p: number) => {
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: p, maxConnections: MAX_CONNECTIONS });
    // Replaced before start(): connection handlers take the queue when they attach.
    // The field is typed as the library's class, whose private members our class cannot share.
    (server as unknown as { queryQueue: SessionQueue }).queryQueue = new SessionQueue(db);
    await server.start();
    return server;
  };
  try {
    return await start(port);
  } catch (error) {
    if (port === 0 || !isAddressInUse(error)) throw error;
    return start(0);
  }
}

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "EADDRINUSE";
}

/**
 * PGlite, unlike a Postgres server, does not lock its data directory, and two processes
 * writing one directory corrupt it (say, `npm run dev` started twice). A pid file
 * refuses the second while a crashed process's file is taken over.
 */
async function lockDirectory(directory: string): Promise<() => Promise<void>> {
  const lockFile = `${directory}.pid`;
  const holder = Number.parseInt(await readFile(lockFile, "utf8").catch(() => ""), 10);
  if (Number.isInteger(holder) && isRunning(holder)) {
    throw new Error(
      `The embedded database at ${directory} is in use by process ${holder} (another \`npm run dev\` or \`npm start\`?). ` +
        `Stop it or set DATA_DIR to use another folder; if no such process is yours, delete ${lockFile}.`,
    );
  }
  await writeFile(lockFile, String(process.pid));
  return () => rm(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
