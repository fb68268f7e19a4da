import pg from "pg";
import { log } from "@/lib/log";
import type { Tx } from "./tenant-transaction";

/**
 * What a hand-written query runs on: a request transaction on the pool's own client
 * (`sqlTransaction`), or a Prisma transaction (`sqlOf`), so one query serves both paths.
 * Write `$1, $2 …` placeholders; never build values into the text (`call` alone does, escaped).
 */
export type Sql = {
  rows<R>(text: string, values?: readonly unknown[], options?: StatementOptions): Promise<R[]>;
  /**
   * `select * from fn(args)`, for the functions that open a request (migrations request_entry and
   * scope_entry). As the first statement of `sqlTransaction` it travels in one message with its
   * BEGIN, which saves a round trip per request; its arguments are then sent as literals.
   */
  call<R>(fn: EntryFunction, args: readonly EntryArgument[]): Promise<R[]>;
};

export type StatementOptions = {
  /**
   * Have Postgres plan the statement once per connection and keep the plan (a named prepared
   * statement, when the pool allows them: `DATABASE_PREPARED_STATEMENTS`). Planning the list of
   * projects cost Postgres more than running it. Only for statements whose best plan does not
   * depend on their values: never search (lib/projects/search.ts). A LIMIT goes into the text
   * (`integerLiteral`) and the org filter is `scopedOrgSql`, or Postgres judges the kept plan worse
   * than one made for the values at hand and goes on planning every time. Name the columns: after
   * a migration changes what `select *` returns, a kept statement fails until its connection closes.
   */
  prepared?: boolean;
  /**
   * Nothing follows this statement in its transaction. A prepared one then travels in one message
   * with the COMMIT (`sqlTransaction`): a round trip less, and each round trip wakes a Postgres
   * process that, on cores the server shares with it, takes the CPU until it has answered. It is
   * sent as EXECUTE of the statement prepared in SQL, with its values (strings, booleans,
   * integers) as literals. In `sqlTransaction` a statement after it fails; in a Prisma transaction
   * (`sqlOf`) it means nothing, since Prisma sends the COMMIT (a write reads a row, changes it,
   * then reads it again through the same service read).
   */
  last?: boolean;
};

/** The SQL functions `Sql.call` may name: a fixed list, since the name goes into the text. */
export type EntryFunction = "app_enter_as_member" | "app_enter_with_api_key" | "app_enter_scope";
type EntryArgument = string | boolean | number;

const placeholders = (args: readonly unknown[]) => args.map((_, i) => `$${i + 1}`).join(", ");
const callText = (fn: EntryFunction, argsText: string) => `select * from ${fn}(${argsText})`;

/** `rows` as the only primitive: `call` sent as a statement with placeholders. */
function withCall(rows: Sql["rows"]): Sql {
  return { rows, call: (fn, args) => rows(callText(fn, placeholders(args)), args) };
}

/**
 * The org filter of a tenant read: `alias`'s rows of the org the transaction is scoped to (the
 * setting row-level security reads, which the request's entry set once it had checked the
 * caller). It needs nothing from the caller, so the read can travel with the entry
 * (`readAfterEntry`). And a prepared statement needs it: written as `"orgId" = $n`, a plan kept
 * for any org is priced above one made for a big org, so Postgres would go on planning every
 * page of the orgs with the most rows; this way every org's plan is the same and the kept one is used.
 */
export const scopedOrgSql = (alias: string) => `${alias}."orgId" = app_current_org_id()`;

/** A whole number for the text of a statement (a LIMIT, see `StatementOptions`), refused unless it is one. */
export function integerLiteral(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`${value} is not an integer`);
  return String(value);
}

/**
 * An argument as a literal in the text. A simple-protocol message is a C string, so a NUL byte
 * would cut the statement short at the server; refuse it rather than send a different statement.
 */
function literal(value: unknown): string {
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return integerLiteral(value);
  if (typeof value !== "string") throw new Error(`only strings, booleans and integers are sent as SQL literals, not ${typeof value}`);
  if (value.includes("\0")) throw new Error("a SQL literal cannot hold a NUL byte");
  return pg.escapeLiteral(value);
}

/**
 * The values of a query being written, each added where the text uses it: `${param(v)}` puts
 * its `$n` placeholder there, so a query built from optional filters never numbers by hand.
 */
export function sqlValues(): { values: unknown[]; param: (value: unknown) => string } {
  const values: unknown[] = [];
  return { values, param: (value) => `$${values.push(value)}` };
}

/** A Prisma transaction as `Sql`: for services that read with SQL inside a transaction that writes with Prisma. Prisma names no statements and sends its own COMMIT, so `prepared` and `last` change nothing here. */
export const sqlOf = (tx: Tx): Sql => withCall(<R>(text: string, values: readonly unknown[] = []) => tx.$queryRawUnsafe<R[]>(text, ...values));

const TIMESTAMP_OID = 1114;

/**
 * Prisma's `DateTime` columns are `timestamp(3)` without a zone, written in UTC. pg would read
 * them in the server's local zone; this reads them as Prisma does, whatever TZ says. Values
 * sent the other way are ISO strings (`toISOString()`), which Postgres casts without the zone.
 */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID && format !== "binary" ? (text: string) => new Date(`${text.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * The names of a pool's prepared statements, one per text, the same on every connection.
 * Statement texts come from code, so they are few; the cap only guards against a caller that
 * builds values into a text, which then runs unnamed rather than fill every connection's memory.
 */
const MAX_PREPARED_STATEMENTS = 200;
const statementNames = new WeakMap<pg.Pool, Map<string, string>>();

function statementName(pool: pg.Pool, text: string): string | undefined {
  const names = statementNames.get(pool);
  if (!names) return undefined;
  let name = names.get(text);
  if (name === undefined && names.size < MAX_PREPARED_STATEMENTS) names.set(text, (name = `tk_${names.size + 1}`));
  return name;
}

/** The statements each connection has prepared in SQL (PREPARE), for a transaction's last statement. */
const preparedInSql = new WeakMap<pg.ClientBase, Set<string>>();

/**
 * The transaction's last statement and its COMMIT in one simple-protocol message: EXECUTE of the
 * statement prepared in SQL under `name` (PREPARE first, the first time on this connection). Its
 * rows come back in text format, as an unnamed statement's do, so the pool's parsers read them.
 * Answers every statement's result, the ones of `begin` first.
 */
async function executeAndCommit(client: pg.PoolClient, name: string, text: string, values: readonly unknown[], begin?: string): Promise<pg.QueryResult[]> {
  let prepared = preparedInSql.get(client);
  if (!prepared) preparedInSql.set(client, (prepared = new Set()));
  const args = values.length ? `(${values.map(literal).join(", ")})` : "";
  const message = [begin, prepared.has(name) ? undefined : `prepare ${name} as ${text}`, `execute ${name}${args}`, "commit"].filter(Boolean).join("; ");
  const results = (await client.query(message)) as unknown as pg.QueryResult[];
  prepared.add(name);
  return results;
}

/** An entry function and its arguments, for `sqlTransaction`'s `opening`. */
export type EntryCall = { fn: EntryFunction; args: readonly EntryArgument[] };

/** `call`'s statement with its arguments as literals, to share a simple-protocol message with BEGIN. */
const literalCallText = ({ fn, args }: EntryCall) => callText(fn, args.map(literal).join(", "));

/** Raised when no pooled connection came free within DATABASE_POOL_TIMEOUT_MS: nothing ran. */
export class PoolExhaustedError extends Error {}

/**
 * The app's connection pool. Prisma's adapter is built on it (client.ts), so both paths share
 * DATABASE_POOL_SIZE connections. Queries through Prisma bring their own type parsers.
 */
export function createPool({ connectionString, max, timeoutMs, preparedStatements }: { connectionString: string; max: number; timeoutMs: number; preparedStatements: boolean }): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: timeoutMs, types });
  if (preparedStatements) statementNames.set(pool, new Map());
  // An idle connection dropping (a database restart) would otherwise crash the process; the pool replaces it.
  pool.on("error", (error) => log.warn("an idle database connection failed", { error }));
  return pool;
}

async function connect(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    if (error instanceof Error && /timeout exceeded when trying to connect/.test(error.message)) throw new PoolExhaustedError(error.message);
    throw error;
  }
}

async function query<R>(pool: pg.Pool, client: pg.PoolClient, text: string, values: readonly unknown[] = [], options?: StatementOptions): Promise<R[]> {
  const name = options?.prepared ? statementName(pool, text) : undefined;
  return (await client.query({ name, text, values: values as unknown[] })).rows as R[];
}

/** What `sqlTransaction` may open with (see there). */
type Opening = {
  opening?: EntryCall;
  /** Given the opening's rows, once the message that carried it has been answered. */
  onOpened?: (rows: unknown[]) => void;
};

/**
 * Runs `fn` in one transaction on one pooled connection: BEGIN, `fn`'s statements, COMMIT, or
 * ROLLBACK when it throws. A connection that failed mid-transaction is discarded, not reused.
 * BEGIN waits for the first statement, to go in the same message when that is a `call`; COMMIT
 * goes with the statement marked `last`, when that is prepared. `opening`, an entry that needs
 * nothing from `fn`, travels with BEGIN: a transaction of one such read is then one round trip.
 * If `fn` runs no statement, nothing is sent.
 */
export async function sqlTransaction<T>(pool: pg.Pool, fn: (sql: Sql) => Promise<T>, { opening, onOpened }: Opening = {}): Promise<T> {
  const begin = opening ? `begin; ${literalCallText(opening)}` : "begin";
  // With an opening, the message that carries BEGIN answers BEGIN's result, then the opening's.
  const opened = (results: pg.QueryResult[]) => {
    if (opening) onOpened?.(results[1]!.rows);
    return results;
  };
  const client = await connect(pool);
  let begun = false;
  let ended = false;
  let committed = false;
  let broken: Error | undefined;
  const inTransaction = withCall(async <R>(text: string, values: readonly unknown[] = [], options?: StatementOptions) => {
    // On every database, whether or not the COMMIT can travel with it, so code that breaks the
    // rule fails where it is written and not only on Postgres.
    if (ended) throw new Error("a statement after the one marked last in its transaction");
    ended = options?.last === true;
    const name = options?.last && options.prepared ? statementName(pool, text) : undefined;
    const first = !begun;
    begun = true;
    if (name === undefined) {
      if (first) opened((await client.query(begin)) as unknown as pg.QueryResult[]);
      return query<R>(pool, client, text, values, options);
    }
    committed = true;
    try {
      const results = await executeAndCommit(client, `${name}_sql`, text, values, first ? begin : undefined);
      if (first) opened(results);
      return results[results.length - 2]!.rows as R[];
    } catch (error) {
      // A failed message may have prepared the statement (PREPARE outlives a rollback) without
      // this process knowing: the connection goes, rather than prepare it twice.
      broken = error as Error;
      throw error;
    }
  });
  const sql: Sql = {
    rows: inTransaction.rows,
    async call<R>(fn: EntryFunction, args: readonly EntryArgument[]) {
      if (begun) return inTransaction.call<R>(fn, args);
      const text = `${begin}; ${literalCallText({ fn, args })}`;
      begun = true;
      const results = opened((await client.query(text)) as unknown as pg.QueryResult[]);
      return results[results.length - 1]!.rows as R[];
    },
  };
  try {
    const result = await fn(sql);
    if (begun && !committed) await client.query("commit");
    return result;
  } catch (error) {
    if (begun && !committed) await client.query("rollback").catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * A transaction opened by an entry (an app_enter_* function) and then a read that needs nothing
 * from it: the read's statements name no org, the entry's scope is what limits them. The entry
 * travels with the read's first statement, and when that is prepared and `last`, with its COMMIT
 * too: the whole request in one round trip. The caller decides on the entry's rows before it
 * looks at the read's outcome, which comes back settled: a caller the entry refuses gets that
 * refusal, not the read's answer or error. So the entry must scope nothing for a caller it will
 * refuse, and record nothing a refusal should undo (migration live_session_entry). When the
 * read sent nothing, or its message failed, the entry is sent on its own.
 */
export async function readAfterEntry<E, T>(pool: pg.Pool, entry: EntryCall, fn: (sql: Sql) => Promise<T>): Promise<{ entered: E[]; read: PromiseSettledResult<T> }> {
  let entered: E[] | undefined;
  const onOpened = (rows: unknown[]) => (entered = rows as E[]);
  const read = await sqlTransaction(pool, fn, { opening: entry, onOpened }).then(
    (value): PromiseSettledResult<T> => ({ status: "fulfilled", value }),
    (reason: unknown): PromiseSettledResult<T> => ({ status: "rejected", reason }),
  );
  entered ??= await sqlTransaction(pool, (sql) => sql.call<E>(entry.fn, entry.args));
  return { entered, read };
}

/** Each statement on its own (autocommit), on whichever connection of the pool is free. */
export function sqlOnPool(pool: pg.Pool): Sql {
  return withCall(async <R>(text: string, values: readonly unknown[] = [], options?: StatementOptions) => {
    const client = await connect(pool);
    let broken: Error | undefined;
    try {
      return await query<R>(pool, client, text, values, options);
    } catch (error) {
      // A statement's own error (a raised exception) leaves the connection usable; a lost one does not.
      if (!(error instanceof pg.DatabaseError)) broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  });
}
