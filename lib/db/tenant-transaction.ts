import { db, pool, type Db } from "./client";
import { readAfterEntry, sqlOf, sqlTransaction, type EntryCall, type Sql } from "./sql";

/**
 * A request transaction: one connection, so await its queries one after another. Prisma sends
 * a `Promise.all` of them to that connection at once, which pg 8 queues with a warning and pg 9
 * refuses; the test servers refuse it already (tests/support/pg-one-query-at-a-time.cjs).
 */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The Postgres role every tenant transaction runs as (created by the init migration). */
export const APP_ROLE = "tenantkit_app";

/** `apiKeyId`: the public id of a presented API key, readable before its org is known (migration api_keys). */
type Scope = { orgId?: string; userId?: string; apiKeyId?: string };

const scopeEntry = (scope: Scope): EntryCall => ({ fn: "app_enter_scope", args: [scope.orgId ?? "", scope.userId ?? "", scope.apiKeyId ?? ""] });

/**
 * Runs `fn` in one transaction whose first statement (app_enter_scope, migration scope_entry)
 * switches to the RLS-bound role and scopes it to an org and/or user. The settings are
 * transaction-local, so the scope ends with the transaction and is safe behind a
 * transaction-mode pooler.
 */
export async function scoped<T>(scope: Scope, fn: (tx: Tx) => Promise<T>, client: Db = db): Promise<T> {
  return client.$transaction(async (tx) => {
    const { fn: entry, args } = scopeEntry(scope);
    await sqlOf(tx).call(entry, args);
    return fn(tx);
  });
}

/**
 * `scoped` without Prisma, for reads written in SQL (sql.ts): the same statement opens it, in
 * one message with its BEGIN, on a connection of the same pool. When the first statement is a
 * prepared `last` read, that message holds all of it, COMMIT included: one round trip for a
 * page's read (the dashboard's projects page). Prisma's transaction costs
 * several times the CPU of the queries it runs, which on the hot read paths is most of a
 * request (README, Performance).
 */
export async function scopedSql<T>(scope: Scope, fn: (sql: Sql) => Promise<T>): Promise<T> {
  return sqlTransaction(pool, fn, { opening: scopeEntry(scope) });
}

/**
 * A request transaction whose first statement is one of the app_enter_* functions (migration
 * request_entry, lib/orgs/context.ts): that statement switches to the RLS-bound role and sets
 * the scope itself, so no statement of `scoped`'s runs ahead of it.
 */
export async function entered<T>(fn: (tx: Tx) => Promise<T>, client: Db = db): Promise<T> {
  return client.$transaction(fn);
}

/** `entered` without Prisma (see scopedSql). */
export async function enteredSql<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
  return sqlTransaction(pool, fn);
}

/** `enteredSql` for a read that needs nothing from its entry: both go in one message (sql.ts, readAfterEntry). */
export async function readEntered<E, T>(entry: EntryCall, fn: (sql: Sql) => Promise<T>): Promise<{ entered: E[]; read: PromiseSettledResult<T> }> {
  return readAfterEntry<E, T>(pool, entry, fn);
}

/** Sets the org scope inside a transaction opened by `scoped` (after membership is resolved). */
export async function setOrgScope(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw`select set_config('app.org_id', ${orgId}, true)`;
}

/** The role of the auth code paths (password hashes, TOTP secrets, emailed tokens). */
export const AUTH_ROLE = "tenantkit_auth";

/**
 * Runs `fn` as the auth role inside a request transaction, then returns to the app role: for
 * the few secrets (a new user's password hash, a verification token) that must commit or roll
 * back with the rows they belong to. Reads of secrets never happen in request transactions.
 */
export async function asAuthRole<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  await tx.$executeRaw`select set_config('role', ${AUTH_ROLE}, true)`;
  const result = await fn();
  await tx.$executeRaw`select set_config('role', ${APP_ROLE}, true)`;
  return result;
}

export const inOrg = <T>(orgId: string, fn: (tx: Tx) => Promise<T>) => scoped({ orgId }, fn);
export const asUser = <T>(userId: string, fn: (tx: Tx) => Promise<T>) => scoped({ userId }, fn);
