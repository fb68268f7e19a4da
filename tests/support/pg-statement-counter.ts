import { createServer, connect, type Socket } from "node:net";
import { FrontendStream, StatementTracker } from "./pg-frontend-messages";

/** A statement as Postgres received it, and which client connection (numbered from 1 in order of arrival) sent it. */
export type CountedStatement = { connection: number; sql: string };

export type StatementCounter = {
  /** `targetUrl` with its host and port swapped for the counter's: connect the app here. */
  url: string;
  /** Forgets what was counted so far (connections and prepared statements are kept). */
  reset(): void;
  /** Statements counted since the start or the last reset, in the order they arrived, less the ignored ones. */
  statements(): CountedStatement[];
  /** `statements().length`, without copying them. */
  count(): number;
  stop(): Promise<void>;
};

export type StatementCounterOptions = {
  /** A `postgres://` URL on TCP; the counter speaks plain TCP only (see the SSL note below). */
  targetUrl: string;
  host?: string;
  /** 0 (the default): any free port. */
  port?: number;
  /** Statements not to count; by default the job worker's own (see `isJobWorkerPolling`). */
  ignore?: (sql: string) => boolean;
};

/**
 * graphile-worker's own traffic: its queries name its schema (polling for jobs, cron
 * bookkeeping) and its LISTEN connection subscribes to its channels. It runs on timers in
 * every app process, so a test counting one request's statements would otherwise count
 * whatever poll happened to land in between.
 */
export function isJobWorkerPolling(sql: string): boolean {
  return /graphile_worker/i.test(sql) || /^\s*(UN)?LISTEN\s+"(jobs|worker):/i.test(sql);
}

/** Postgres's answer to SSLRequest / GSSENCRequest meaning "not here": the client goes on in plain text. */
const DECLINE = Buffer.from("N");

/**
 * A Postgres wire-protocol proxy that counts statements as the server receives them.
 *
 * Between the app and Postgres (point the app's DATABASE_URL at `url`), it passes every byte on
 * unchanged in both directions, except that it answers SSL and GSS encryption requests itself
 * with "N" (so clients that prefer encryption carry on unencrypted, and clients that require it
 * fail as they would against a server without it). What the server sends is never parsed.
 *
 * Counted: each simple Query message (one round trip, however many statements its text holds)
 * and each extended-protocol Execute, with the SQL traced from Execute's portal to the Bind that
 * made it and the Parse of the statement bound, so named prepared statements parsed once and
 * executed often are counted and named at every execution. BEGIN and COMMIT are statements too.
 *
 * For one request in isolation: `reset()`, send the request, and read `statements()` once its
 * response has arrived; everything the server ran for it was received before it answered.
 * Work the app does on timers is not part of any request: the job worker's polling is ignored
 * by default (`isJobWorkerPolling`); pass `ignore` to widen or narrow that.
 */
export async function startStatementCounter(options: StatementCounterOptions): Promise<StatementCounter> {
  const target = new URL(options.targetUrl);
  const targetHost = target.hostname.replace(/^\[(.*)\]$/, "$1") || "127.0.0.1";
  const targetPort = Number(target.port || 5432);
  const ignore = options.ignore ?? isJobWorkerPolling;
  let counted: CountedStatement[] = [];
  let connections = 0;
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    const connection = ++connections;
    const upstream = connect({ host: targetHost, port: targetPort });
    const stream = new FrontendStream();
    const tracker = new StatementTracker();
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.on("close", () => sockets.delete(socket));
      // Either side failing ends the pair, as a dropped connection to Postgres would.
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.pipe(client);
    client.on("end", () => upstream.end());

    client.on("data", (chunk: Buffer) => {
      const forward: Buffer[] = [];
      for (const { message, bytes } of stream.push(chunk)) {
        if (message.type === "ssl-request" || message.type === "gssenc-request") {
          client.write(DECLINE);
          continue;
        }
        forward.push(bytes);
        const sql = tracker.observe(message);
        if (sql !== undefined && !ignore(sql)) counted.push({ connection, sql });
      }
      if (forward.length === 0) return;
      if (!upstream.write(forward.length === 1 ? forward[0]! : Buffer.concat(forward))) {
        client.pause();
        upstream.once("drain", () => client.resume());
      }
    });
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the statement counter has no TCP address");
  const url = new URL(options.targetUrl);
  url.hostname = host;
  url.port = String(address.port);

  return {
    url: url.toString(),
    reset: () => {
      counted = [];
    },
    statements: () => [...counted],
    count: () => counted.length,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
