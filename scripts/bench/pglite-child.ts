/**
 * The embedded database (PGlite over the wire protocol) in a process of its own, as under
 * `npm start` without DATABASE_URL (where the launcher hosts it): PGlite runs queries on its
 * host's event loop, which must not be the load generator's. Migrated before it says ready.
 */
import { preparePglite } from "../../tests/support/app-server";
import { serveParent } from "./child-process";

const start = async () => {
  const database = await preparePglite(process.env.BENCH_PGLITE_DIR!);
  return { handlers: { stop: () => database.stop() }, ready: { appUrl: database.appUrl, ownerUrl: database.ownerUrl } };
};

export type PgliteApi = Awaited<ReturnType<typeof start>>["handlers"];

await serveParent(start);
