import { parseArgs } from "node:util";
import { z } from "zod";
import type { LatencySummary } from "./load";
import { ROUTE_KEYS } from "./routes";
import { ACME_MAX_PROJECTS } from "./seed";

export const GROWTH_USAGE = `npm run bench:growth -- [flags]

Measures how the p99 latency of tenant reads grows with the projects table: two servers on two
databases, one small and one large, loaded in alternation so the machine's drift hits both alike.

  --small-rows N   projects in the small database, all in the measured org (default 10000)
  --large-rows N   projects in the large database (default 1000000), the measured org holding
                   as many as in the small one and the rest spread over the other orgs
  --large-orgs N   organisations in the large database (default 1000)
  --routes A,B     the routes (default list,search,get-one): ${ROUTE_KEYS.filter((k) => k !== "health-live").join(", ")}
  --rounds N       times each route is measured on each database (default 4)
  --connections N  concurrent HTTP connections (default 50)
  --warmup S       seconds of load before each measured slice (default 2)
  --duration S     seconds measured per slice (default 5)
  --no-build       never run \`next build\`, even when the build is missing or older than the sources

Environment: BENCH_PORT (default 3620; the large database's server listens on the next port),
REDIS_URL, TEST_ADMIN_DATABASE_URL (as for npm run bench).`;

/** The issue's bound on p99 growth from the small table to the large one. */
export const MAX_P99_GROWTH = 0.2;

const count = (name: string) => z.coerce.number({ error: `--${name} must be a number` }).int(`--${name} must be a whole number`);
const seconds = (name: string) => z.coerce.number({ error: `--${name} must be a number of seconds` }).min(0, `--${name} cannot be negative`).max(3600);
const MEASURED = ROUTE_KEYS.filter((k) => k !== "health-live");

const schema = z
  .object({
    smallRows: count("small-rows").min(1, "--small-rows must be at least 1").max(ACME_MAX_PROJECTS, `--small-rows is at most ${ACME_MAX_PROJECTS}: the measured org holds all of them`),
    largeRows: count("large-rows").max(100_000_000, "--large-rows is at most 100000000"),
    largeOrgs: count("large-orgs").min(2, "--large-orgs must be 2 or more").max(1_000_000, "--large-orgs is at most 1000000"),
    routes: z
      .string()
      .transform((list) => list.split(",").map((key) => key.trim()))
      .pipe(z.array(z.enum(MEASURED, { error: `--routes takes a comma-separated list of ${MEASURED.join(", ")}` })).min(1)),
    rounds: count("rounds").min(1, "--rounds must be at least 1").max(100, "--rounds is at most 100"),
    connections: count("connections").min(1, "--connections must be at least 1").max(10_000, "--connections is at most 10000"),
    warmup: seconds("warmup"),
    duration: seconds("duration").min(1, "--duration must be at least 1 second"),
    build: z.boolean(),
    port: z.coerce.number({ error: "BENCH_PORT must be a port number" }).int("BENCH_PORT must be a port number").min(1024, "BENCH_PORT must be 1024 or above").max(65533, "BENCH_PORT must be below 65534"),
  })
  .refine((o) => o.largeRows > o.smallRows, { message: "--large-rows must be more than --small-rows" })
  .refine((o) => o.largeOrgs <= o.largeRows, { message: "--large-orgs cannot exceed --large-rows" });

export type GrowthOptions = z.infer<typeof schema>;

/** The command line and BENCH_PORT, checked; throws a message naming the bad flag. */
export function parseGrowthOptions(argv: string[], env: Record<string, string | undefined>): GrowthOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      "small-rows": { type: "string", default: "10000" },
      "large-rows": { type: "string", default: "1000000" },
      "large-orgs": { type: "string", default: "1000" },
      routes: { type: "string", default: "list,search,get-one" },
      rounds: { type: "string", default: "4" },
      connections: { type: "string", default: "50" },
      warmup: { type: "string", default: "2" },
      duration: { type: "string", default: "5" },
      "no-build": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) return "help";
  const parsed = schema.safeParse({
    smallRows: values["small-rows"],
    largeRows: values["large-rows"],
    largeOrgs: values["large-orgs"],
    routes: values.routes,
    rounds: values.rounds,
    connections: values.connections,
    warmup: values.warmup,
    duration: values.duration,
    build: !values["no-build"],
    port: env.BENCH_PORT ?? "3620",
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => (/^(--|BENCH_)/.test(i.message) ? i.message : `--${i.path.join(".")}: ${i.message}`)).join("\n"));
  return parsed.data;
}

export type Size = "small" | "large";

/** Which database goes first in a round: they take turns, so neither always meets a machine just warmed by the other. */
export const roundOrder = (round: number): Size[] => (round % 2 === 0 ? ["small", "large"] : ["large", "small"]);

/** Growth from small to large as a fraction (0.2 is 20% slower), and whether it is within the issue's bound. */
export function p99Growth(small: Pick<LatencySummary, "p99">, large: Pick<LatencySummary, "p99">): { growth: number; within: boolean } {
  const growth = small.p99 > 0 ? large.p99 / small.p99 - 1 : 0;
  return { growth, within: growth <= MAX_P99_GROWTH };
}
