import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { orgWithTeam } from "../support/factories";
import { sessionCookie } from "../support/http";
import { freePort } from "../support/second-app-server";
import { TEST_SECRET } from "../support/test-config";

/**
 * A finished page render has to become garbage. With React's cache signal on Node 20, every
 * dashboard render once stayed reachable from the one before it (lib/render-release.ts says
 * how): about 55 kB a page, until the server ran out of heap. A server of the same build with a
 * probe preloaded (tests/support/heap-probe.cjs) reports its heap after full collections.
 */
let server: AppServer;
let cookie: string;
let page: string;

beforeAll(async () => {
  server = await startAppServer({
    port: await freePort(),
    databaseUrl: inject("appDatabaseUrl"),
    dataDir: inject("dataDir"),
    secret: TEST_SECRET,
    nodeArgs: ["--expose-gc", "--require", path.resolve("tests/support/heap-probe.cjs")],
  });
  const { org, team } = await orgWithTeam("Renders");
  cookie = await sessionCookie(team.owner);
  page = `${server.baseUrl}/dashboard/${org.slug}/projects`;
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

/** The server's heap in use after full collections, in bytes. */
async function heapUsed(): Promise<number> {
  const seen = server.output.length;
  process.kill(server.pid, "SIGUSR2");
  for (let waited = 0; waited < 10_000; waited += 50) {
    const line = server.output.slice(seen).join("").match(/\{"heapProbe":(\d+)\}/);
    if (line) return Number(line[1]);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the server did not report its heap");
}

/**
 * `count` page loads, 50 at a time as in the bench: renders interleave in the same event-loop
 * turns, which is what chained them (eight at a time, the chain broke and nothing was kept).
 */
async function load(count: number, concurrency = 50) {
  let left = count;
  const statuses = new Set<number>();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) {
        const res = await fetch(page, { headers: { cookie } });
        await res.arrayBuffer();
        statuses.add(res.status);
      }
    }),
  );
  expect([...statuses]).toEqual([200]);
}

describe("server renders", () => {
  it("are released once answered: 600 dashboard pages leave the heap where it was", async () => {
    await load(150);
    const warm = await heapUsed();
    await load(600);
    const grown = (await heapUsed()) - warm;
    // Retained, they added 35 MB here; released, 0.1–0.2 MB.
    expect(grown).toBeLessThan(12 * 1024 * 1024);
  }, 120_000);
});
