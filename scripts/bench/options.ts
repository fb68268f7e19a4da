import { parseArgs } from "node:util";
import { z } from "zod";
import { ROUTE_KEYS } from "./routes";

export const USAGE = `npm run bench -- [flags]

  --rows N         projects in the database (default 100000); the measured org "acme" holds
                   min(N, 10000), the rest are spread over the other orgs
  --orgs N         organisations (default 100)
  --connections N  concurrent HTTP connections (default 50)
  --warmup S       seconds of load before each route's measured window (default 2)
  --duration S     seconds measured per route (default 5); the issue's reference run: --warmup 5 --duration 20
  --routes A,B     measure only these routes (and the baseline): ${ROUTE_KEYS.join(", ")}
  --rounds N       measure every route N times, in turn (default 1); each share is the median of
                   the rounds' shares, on a machine whose speed drifts
  --profile        run the server with --cpu-prof; write its CPU profile and print the top functions
  --smoke          CI mode: 200 rows, 2 orgs, 10 connections, 2 s per route; fails only on errors
  --no-browser     skip measuring the projects page's JavaScript in Chromium
  --no-build       never run \`next build\`, even when the build is missing or older than the sources

Environment: BENCH_DB=pglite (the embedded zero-setup database), BENCH_PORT (default 3600;
the statement counter listens on the next port), REDIS_URL (default redis://127.0.0.1:6379),
TEST_ADMIN_DATABASE_URL (a Postgres superuser, default postgres://postgres@127.0.0.1:5432/postgres).`;

const count = (name: string) => z.coerce.number({ error: `--${name} must be a number` }).int(`--${name} must be a whole number`);
const seconds = (name: string) => z.coerce.number({ error: `--${name} must be a number of seconds` }).min(0, `--${name} cannot be negative`).max(3600);

const schema = z
  .object({
    rows: count("rows").min(1).max(100_000_000),
    orgs: count("orgs").min(1).max(1_000_000),
    connections: count("connections").min(1).max(10_000),
    warmup: seconds("warmup"),
    duration: seconds("duration").min(1, "--duration must be at least 1 second"),
    rounds: count("rounds").min(1, "--rounds must be at least 1").max(20, "--rounds is at most 20"),
    routes: z
      .string()
      .transform((list) => list.split(",").map((key) => key.trim()))
      .pipe(z.array(z.enum(ROUTE_KEYS, { error: `--routes takes a comma-separated list of ${ROUTE_KEYS.join(", ")}` })))
      .optional(),
    profile: z.boolean(),
    smoke: z.boolean(),
    browser: z.boolean(),
    build: z.boolean(),
    database: z.enum(["postgres", "pglite"], { error: "BENCH_DB must be postgres or pglite" }),
    port: z.coerce.number({ error: "BENCH_PORT must be a port number" }).int("BENCH_PORT must be a port number").min(1024, "BENCH_PORT must be 1024 or above").max(65534, "BENCH_PORT must be below 65535"),
  })
  .refine((o) => o.orgs > 1 || o.rows <= 10_000, { message: "--rows above 10000 needs --orgs of 2 or more: acme holds at most 10000" })
  .refine((o) => o.orgs <= o.rows, { message: "--orgs cannot exceed --rows" });

export type BenchOptions = z.infer<typeof schema>;

const DEFAULTS = { rows: "100000", orgs: "100", connections: "50", warmup: "2", duration: "5", rounds: "1" };
const SMOKE = { rows: "200", orgs: "2", connections: "10", warmup: "0", duration: "2", rounds: "1" };

/** The command line and BENCH_* environment, checked; throws a message naming the bad flag. */
export function parseOptions(argv: string[], env: Record<string, string | undefined>): BenchOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: "string" },
      orgs: { type: "string" },
      connections: { type: "string" },
      warmup: { type: "string" },
      duration: { type: "string" },
      rounds: { type: "string" },
      routes: { type: "string" },
      profile: { type: "boolean", default: false },
      smoke: { type: "boolean", default: false },
      "no-browser": { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) return "help";
  const defaults = values.smoke ? SMOKE : DEFAULTS;
  const parsed = schema.safeParse({
    rows: values.rows ?? defaults.rows,
    orgs: values.orgs ?? defaults.orgs,
    connections: values.connections ?? defaults.connections,
    warmup: values.warmup ?? defaults.warmup,
    duration: values.duration ?? defaults.duration,
    rounds: values.rounds ?? defaults.rounds,
    routes: values.routes,
    profile: values.profile,
    smoke: values.smoke,
    browser: !values["no-browser"],
    build: !values["no-build"],
    database: env.BENCH_DB || "postgres",
    port: env.BENCH_PORT ?? "3600",
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => (/^(--|BENCH_)/.test(i.message) ? i.message : `--${i.path.join(".")}: ${i.message}`)).join("\n"));
  return parsed.data;
}

/** What `parse` makes of the command line, or the process ends: with 2 and the usage after a bad flag, with 0 after --help. */
export function optionsOrExit<T>(parse: () => T | "help", usage: string): T {
  let parsed: T | "help";
  try {
    parsed = parse();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
  if (parsed === "help") {
    console.log(usage);
    process.exit(0);
  }
  return parsed;
}
