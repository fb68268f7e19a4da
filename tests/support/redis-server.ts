import { spawn, type ChildProcess } from "node:child_process";
import { createClient } from "redis";
import { freePort } from "./second-app-server";

export type PrivateRedis = { url: string; stop: () => Promise<void>; start: () => Promise<void> };

/**
 * A Redis of the test's own (the `redis-server` that CI starts on 6379), on a free port, that the
 * test may stop and start again: to see what the app does while its rate-limit store is down.
 * No persistence: a restarted server is empty, as after a crash.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;

  const start = async () => {
    server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    let spawnError: Error | undefined;
    server.once("error", (error) => {
      spawnError = new Error(`This test runs a Redis of its own and needs the redis-server command (Debian: apt-get install redis-server): ${error.message}`);
    });
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (spawnError) throw spawnError;
      const probe = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 500 } });
      probe.on("error", () => {});
      try {
        await probe.connect();
        await probe.ping();
        await probe.close();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };

  const stop = async () => {
    const running = server;
    if (!running || running.exitCode !== null) return;
    running.kill("SIGKILL");
    await new Promise((r) => running.once("exit", r));
  };

  await start();
  return { url, stop, start };
}
