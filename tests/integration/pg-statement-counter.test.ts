import { connect } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { isJobWorkerPolling, startStatementCounter, type StatementCounter } from "../support/pg-statement-counter";

// The counting proxy (used by `npm run bench` and by tests that count a request's statements)
// between real clients and the real database of this run (Postgres, or PGlite under TEST_DB=pglite).
let counter: StatementCounter;
const clients: pg.Client[] = [];

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: counter.url });
  await c.connect();
  clients.push(c);
  return c;
}

beforeAll(async () => {
  counter = await startStatementCounter({ targetUrl: inject("ownerDatabaseUrl") });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => {})));
  await counter.stop();
});

beforeEach(() => counter.reset());

describe("pg statement counter", () => {
  it("counts simple and extended-protocol statements with their SQL and connection", async () => {
    const a = await client();
    const b = await client();
    counter.reset();
    await a.query("select 1 as simple");
    await b.query("select $1::int + 1 as extended", [41]);
    await a.query("begin");
    await a.query("select $1::text as inside", ["x"]);
    await a.query("commit");

    const statements = counter.statements();
    expect(statements.map((s) => s.sql)).toEqual(["select 1 as simple", "select $1::int + 1 as extended", "begin", "select $1::text as inside", "commit"]);
    const [first, second] = statements;
    expect(first!.connection).not.toBe(second!.connection);
    expect(new Set(statements.filter((s) => s.connection === first!.connection).map((s) => s.sql))).toEqual(new Set(["select 1 as simple", "begin", "select $1::text as inside", "commit"]));
    expect(counter.count()).toBe(5);
  });

  it("counts a named prepared statement at every execution", async () => {
    const c = await client();
    for (const n of [1, 2, 3]) {
      const { rows } = await c.query({ name: "counter-named", text: "select $1::int * 2 as doubled", values: [n] });
      expect(rows[0].doubled).toBe(n * 2);
    }
    expect(counter.statements().map((s) => s.sql)).toEqual(Array(3).fill("select $1::int * 2 as doubled"));
  });

  it("forgets what it counted on reset", async () => {
    const c = await client();
    await c.query("select 'before'");
    counter.reset();
    await c.query("select 'after'");
    expect(counter.statements().map((s) => s.sql)).toEqual(["select 'after'"]);
  });

  it("leaves the job worker's polling out by default, and counts what `ignore` lets through", async () => {
    expect(isJobWorkerPolling('select * from "graphile_worker"._private_jobs')).toBe(true);
    expect(isJobWorkerPolling('LISTEN "jobs:insert"; LISTEN "worker:migrate";')).toBe(true);
    expect(isJobWorkerPolling("select * from projects")).toBe(false);

    const c = await client();
    counter.reset();
    await c.query("select 'graphile_worker' as poll");
    await c.query("select 'request' as work");
    expect(counter.statements().map((s) => s.sql)).toEqual(["select 'request' as work"]);

    const everything = await startStatementCounter({ targetUrl: inject("ownerDatabaseUrl"), ignore: () => false });
    const direct = new pg.Client({ connectionString: everything.url });
    try {
      await direct.connect();
      await direct.query("select 'graphile_worker' as poll");
      expect(everything.statements()).toEqual([{ connection: 1, sql: "select 'graphile_worker' as poll" }]);
    } finally {
      await direct.end();
      await everything.stop();
    }
  });

  it("passes large values and every byte value through unchanged, both ways", async () => {
    const c = await client();
    const text = "é🦊".repeat(300_000);
    const { rows } = await c.query("select $1::text as v, length($1::text) as n", [text]);
    expect(rows[0].v).toBe(text);
    expect(rows[0].n).toBe(600_000);

    const bytes = Buffer.from(Array.from({ length: 256 * 64 }, (_, i) => i % 256));
    const echoed = await c.query("select $1::bytea as b", [bytes]);
    expect(Buffer.compare(echoed.rows[0].b, bytes)).toBe(0);
    expect(counter.count()).toBe(2);
  });

  it("answers an SSL request with N and lets the session go on in plain text", async () => {
    const target = new URL(counter.url);
    const socket = connect({ host: target.hostname, port: Number(target.port) });
    const received: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => received.push(chunk));
    const bytesReceived = async (n: number) => {
      for (let i = 0; i < 100 && Buffer.concat(received).length < n; i++) await new Promise((r) => setTimeout(r, 20));
      return Buffer.concat(received);
    };
    try {
      await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
      const sslRequest = Buffer.alloc(8);
      sslRequest.writeInt32BE(8, 0);
      sslRequest.writeInt32BE(80877103, 4);
      socket.write(sslRequest);
      expect((await bytesReceived(1)).toString()).toBe("N");

      const params = Buffer.from(`user\0${decodeURIComponent(target.username)}\0database\0${target.pathname.slice(1)}\0\0`);
      const startup = Buffer.alloc(8);
      startup.writeInt32BE(8 + params.length, 0);
      startup.writeInt32BE(196608, 4);
      socket.write(Buffer.concat([startup, params]));
      const answer = (await bytesReceived(1 + 5)).subarray(1);
      // The server's reply to the startup message: an Authentication request ('R'), not an error ('E').
      expect(String.fromCharCode(answer[0]!)).toBe("R");
    } finally {
      socket.destroy();
    }
  });
});
