import { z } from "zod";

/**
 * The one place that reads process.env. Everything else imports `env`.
 * Parsed once, at first import; `instrumentation.ts` imports it at server start
 * so a missing or malformed variable stops the app before it serves a request.
 */

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const optionalUrl = optionalString.pipe(z.url().optional());

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** Where the app runs: `production` turns off dev-only surfaces such as the mail outbox. */
    APP_ENV: z.enum(["local", "test", "production"]).optional(),
    APP_URL: z.url().default("http://localhost:3000"),
    APP_NAME: z.string().min(1).default("Tenantkit"),

    DATABASE_URL: z.url({ message: "must be a postgres:// connection string" }),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** How long a request waits for a free pooled connection before it is answered 503. */
    DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /**
     * Hot statements as named prepared statements, planned once per connection (lib/db/sql.ts).
     * `off` for a database that shares one session between connections: the embedded PGlite
     * (`npm run dev` and `npm start` set it), or a pooler in transaction mode that does not
     * track prepared statements (PgBouncer before 1.21).
     */
    DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"]).default("on"),
    /** Owner connection for migrations; defaults to DATABASE_URL. */
    MIGRATION_DATABASE_URL: optionalUrl,
    /** Folder for the embedded database, the dev outbox and generated secrets. */
    DATA_DIR: z.string().default(".data"),

    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),

    GITHUB_ID: optionalString,
    GITHUB_SECRET: optionalString,
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,

    RESEND_API_KEY: optionalString,
    RESEND_BASE_URL: optionalUrl,
    MAIL_FROM: z.string().default("Tenantkit <no-reply@tenantkit.dev>"),

    REDIS_URL: optionalUrl,
    UPSTASH_REDIS_REST_URL: optionalUrl,
    UPSTASH_REDIS_REST_TOKEN: optionalString,
    /** Multiplies every rate limit; tests raise it instead of switching limits off. */
    RATE_LIMIT_MULTIPLIER: z.coerce.number().positive().default(1),
    /**
     * How long a process remembers a caller's plan for refusing API floods before the database
     * (lib/rate-limit/plan-cache.ts): an upgrade lifts a caller who is being refused within this.
     */
    RATE_LIMIT_PLAN_CACHE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),

    /**
     * Where background jobs (lib/jobs) run: `inline` in the app's own server process, `off` when
     * `npm run worker` runs them in a process of its own.
     */
    JOBS_WORKER: z.enum(["inline", "off"]).default("inline"),
    /** Jobs one worker process runs at the same time. */
    JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
    /**
     * How often an idle worker looks for due jobs. On Postgres a new job wakes it at once
     * (LISTEN/NOTIFY), so this paces retries and delayed jobs; on PGlite it paces every job.
     */
    JOBS_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
    /**
     * Days a job that used up its attempts is kept (to look into why) before it is deleted:
     * its payload may hold an emailed link, which should not outlive its use.
     */
    JOBS_FAILED_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),

    /** Billing (lib/billing). Without a secret key the app runs and its billing pages say what to configure. */
    STRIPE_SECRET_KEY: optionalString,
    STRIPE_WEBHOOK_SECRET: optionalString,
    /** Where the Stripe SDK sends requests: unset in production; a local Stripe-shaped server in tests. */
    STRIPE_API_URL: optionalUrl,
    /** Stripe price ids of the plans sold through Checkout (lib/billing/plans.ts). */
    STRIPE_PRICE_PRO: optionalString,
    STRIPE_PRICE_ENTERPRISE: optionalString,
    /** Days an org keeps writing after a failed payment; then it is read-only until paid (lib/billing/dunning.ts). */
    BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(7),

    /**
     * How the client IP (rate limits, audit log) is found; see lib/auth/client-ip.ts. The number
     * of proxies in front of the app that append to X-Forwarded-For: the client is that many
     * entries from the right. 0: no proxy, the address of the TCP peer.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(20).default(0),
    /** A header the platform sets to the client IP and clients cannot forge (x-vercel-forwarded-for, cf-connecting-ip, x-real-ip from your nginx). */
    TRUSTED_IP_HEADER: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9-]+$/, "must be a header name such as cf-connecting-ip")
        .transform((name) => name.toLowerCase())
        .optional(),
    ),

    /**
     * Outgoing webhooks (lib/webhooks). `on` lets endpoints point at private, loopback and
     * link-local addresses; unset, that is allowed outside production only (a receiver on this
     * machine while developing), and refused in production, where it would let an org reach
     * into the app's own network.
     */
    WEBHOOKS_ALLOW_PRIVATE_URLS: optionalString.pipe(z.enum(["on", "off"]).optional()),
    /** Attempts per delivery (the first included) before it gives up. */
    WEBHOOKS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    /** The wait before the first retry; each later one is five times longer (lib/webhooks/retry-policy.ts). */
    WEBHOOKS_RETRY_BASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    /** Deliveries in a row that give up before the endpoint is disabled and its org's admins are told. */
    WEBHOOKS_DISABLE_AFTER: z.coerce.number().int().min(1).max(100).default(5),
    /** How long a receiver has to answer one attempt. */
    WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(10_000),
    /** Days the delivery log keeps a delivery (its payload holds names and email addresses). */
    WEBHOOKS_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),

    /** `on` serves the dev mail outbox under NODE_ENV=production too (loopback only); `off` hides it everywhere. */
    DEV_OUTBOX: optionalString.pipe(z.enum(["on", "off"]).optional()),
    /** `on` lets the demo seed run under `npm start` or NODE_ENV=production. */
    SEED_DEMO: optionalString.pipe(z.enum(["on", "off"]).optional()),
  })
  .superRefine((v, ctx) => {
    const pairs = [
      ["GITHUB_ID", "GITHUB_SECRET"],
      ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"],
      ["UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN"],
      ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"],
    ] as const;
    for (const [a, b] of pairs) {
      if (Boolean(v[a]) !== Boolean(v[b])) {
        ctx.addIssue({ code: "custom", path: [v[a] ? b : a], message: `is required when ${v[a] ? a : b} is set` });
      }
    }
    if (v.TRUSTED_IP_HEADER && v.TRUSTED_PROXY_HOPS > 0) {
      ctx.addIssue({ code: "custom", path: ["TRUSTED_IP_HEADER"], message: "and TRUSTED_PROXY_HOPS are alternatives: set one of them" });
    }
  })
  .transform((v) => ({
    ...v,
    APP_ENV: v.APP_ENV ?? (v.NODE_ENV === "production" ? "production" : "local"),
  }));

export type Env = z.infer<typeof schema>;

/** During `next build` no request is served; placeholders let modules load. */
const buildPlaceholders: Record<string, string> =
  process.env.NEXT_PHASE === "phase-production-build"
    ? {
        DATABASE_URL: "postgres://build@localhost/build",
        NEXTAUTH_SECRET: "build-placeholder-secret-not-used-at-runtime",
      }
    : {};

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse({ ...buildPlaceholders, ...source });
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}\nSee .env.example.`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

/** A production build or a production deployment: dev-only surfaces need an explicit opt-in. */
const production = env.NODE_ENV === "production" || env.APP_ENV === "production";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Billing talks to the local Stripe stand-in (lib/billing/local-stripe), as `npm run dev`
 * without keys and the test suites set it up: Stripe's API on this machine, outside a
 * production deployment. Decides the "Test mode" labels and the /dev/billing page.
 */
export function usesLocalStripe(v: Pick<Env, "APP_ENV" | "STRIPE_SECRET_KEY" | "STRIPE_API_URL">): boolean {
  if (!v.STRIPE_SECRET_KEY || !v.STRIPE_API_URL || v.APP_ENV === "production") return false;
  return LOOPBACK_HOSTS.has(new URL(v.STRIPE_API_URL).hostname);
}

export const features = {
  github: Boolean(env.GITHUB_ID),
  google: Boolean(env.GOOGLE_CLIENT_ID),
  resend: Boolean(env.RESEND_API_KEY),
  /** Checkout, the portal and webhooks; without it every org stays on its stored plan. */
  billing: Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET && env.STRIPE_PRICE_PRO),
  /** Billing goes to the local stand-in: pages say "Test mode", and /dev/billing triggers its events. */
  localStripe: Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET && env.STRIPE_PRICE_PRO) && usesLocalStripe(env),
  devOutbox: env.DEV_OUTBOX === "on" || (env.DEV_OUTBOX !== "off" && !production),
  /** Opted into under production, the outbox answers loopback requests only (app/dev/outbox). */
  devOutboxLoopbackOnly: production,
  /** Webhook endpoints may be private addresses (WEBHOOKS_ALLOW_PRIVATE_URLS). */
  webhooksToPrivateUrls: env.WEBHOOKS_ALLOW_PRIVATE_URLS === "on" || (env.WEBHOOKS_ALLOW_PRIVATE_URLS !== "off" && env.APP_ENV !== "production"),
  /** HSTS and `__Secure-` cookies: only where the app is served over HTTPS. */
  https: new URL(env.APP_URL).protocol === "https:",
} as const;
