import { fork, type ChildProcess } from "node:child_process";

type Api = Record<string, (...args: never[]) => unknown>;
type Request = { id: number; op: string; args: unknown[] };
type Reply = { id: number; result?: unknown; error?: string } | { ready: unknown } | { failed: string };

export type Child<A extends Api> = {
  pid: number;
  call<K extends keyof A & string>(op: K, ...args: Parameters<A[K]>): Promise<Awaited<ReturnType<A[K]>>>;
  /** Asks the child to release what it holds (its `stop` handler), then waits for it to exit. */
  stop(): Promise<void>;
};

/**
 * Runs a TypeScript module in a Node process of its own and calls its handlers over IPC:
 * work that must not share the load generator's event loop (a database, a proxy) lives there.
 * The module calls `serveParent` with its handlers and what the parent needs to start with.
 */
export async function startChild<A extends Api, R>(entry: string, env: NodeJS.ProcessEnv = process.env): Promise<{ child: Child<A>; ready: R }> {
  const proc: ChildProcess = fork(entry, [], { execArgv: ["--import", "tsx"], env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    proc.once("exit", (code) => {
      exited = true;
      for (const p of pending.values()) p.reject(new Error(`${entry} exited (code ${code})`));
      pending.clear();
      resolve();
    }),
  );
  const ready = await new Promise<R>((resolve, reject) => {
    proc.once("exit", (code) => reject(new Error(`${entry} exited (code ${code}) before it was ready`)));
    proc.on("message", (message: Reply) => {
      if ("ready" in message) resolve(message.ready as R);
      else if ("failed" in message) reject(new Error(message.failed));
      else {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.error !== undefined) waiting?.reject(new Error(message.error));
        else waiting?.resolve(message.result);
      }
    });
  });
  const call = (op: string, ...args: unknown[]) =>
    new Promise((resolve, reject) => {
      if (exited) return reject(new Error(`${entry} is not running`));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      proc.send({ id, op, args } satisfies Request);
    });
  return {
    ready,
    child: {
      pid: proc.pid!,
      call: call as Child<A>["call"],
      stop: async () => {
        if (exited) return;
        await call("stop").catch(() => {});
        proc.disconnect();
        await exit;
      },
    },
  };
}

/** The child's side: answer the parent's calls with `handlers`, after `start` has resolved. */
export async function serveParent<A extends Api & { stop: () => unknown }>(start: () => Promise<{ handlers: A; ready: unknown }>): Promise<void> {
  const send = (message: Reply) => process.send?.(message);
  let handlers: A;
  try {
    const started = await start();
    handlers = started.handlers;
    send({ ready: started.ready });
  } catch (error) {
    send({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
    process.disconnect?.();
    return;
  }
  process.on("message", async ({ id, op, args }: Request) => {
    try {
      const handler = handlers[op] as ((...a: unknown[]) => unknown) | undefined;
      if (!handler) throw new Error(`unknown call ${op}`);
      send({ id, result: await handler(...args) });
    } catch (error) {
      send({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  // The parent gone (stopped us or died): nothing left to serve.
  process.on("disconnect", () => process.exit());
}
