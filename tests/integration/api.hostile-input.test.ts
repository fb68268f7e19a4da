import pg from "pg";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadRouteTable, type RouteEntry } from "@/lib/api/route-table";
import { slugSchema } from "@/lib/orgs/slug";
import { generateApiKey } from "@/lib/api-keys/format";
import { scoped } from "@/lib/db/tenant-transaction";
import { chunkedUpload } from "../support/chunked-upload";
import { createSession, orgWithTeam } from "../support/factories";
import { client, sessionCookie } from "../support/http";
import { decodedUrlText, hostileJsonBodies, hostileJsonValues, hostileUrlValues, type Hostile } from "../support/hostile-values";
import { freshEmail, invite, setSeats, waitForMail } from "./invitations.support";

/**
 * Every API route from the route table (app/api/**\/route.ts, not a hand-kept list) gets
 * hostile values in every body field, query parameter and path segment, as the signed-in
 * owner of a real org. Each answer must be a 4xx problem+json (never a 5xx), and no
 * table may gain or lose a row.
 */

const table = await loadRouteTable();

/**
 * Not swept: next-auth's own handler has its own input handling (and CSRF token) and
 * declares no schema; `/api/health` reads no input; Stripe's webhook has no session and
 * reads a raw body whose signature is checked before anything else, so every value sent
 * here would be refused at that check (tests/integration/billing.webhooks.test.ts sends it
 * bad signatures and malformed payloads); the `/api/[...path]` catch-all answers 404 to
 * whatever it is sent (tests/integration/api.versions.test.ts). The test below checks that
 * these are the only routes written without a wrapper, so a new hand-written route fails it.
 */
const UNWRAPPED = new Set(["/api/[...path]", "/api/auth/[...nextauth]", "/api/health", "/api/webhooks/stripe"]);
const swept = table.filter((r) => !UNWRAPPED.has(r.path));

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const CONCURRENCY = 4;

type Fixture = Awaited<ReturnType<typeof orgWithTeam>> & { invitationId: string; sessionId: string; apiKeyId: string; webhook: { endpointId: string; deliveryId: string } };
let fixture: Fixture;
let owner: pg.Client;
let rowsBefore: Record<string, number>;

async function countRows(): Promise<Record<string, number>> {
  const tables = await owner.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );
  const sql = tables.rows.map((t) => `select '${t.name}' as name, count(*)::int as n from public."${t.name}"`).join(" union all ");
  const counts = await owner.query<{ name: string; n: number }>(sql);
  return Object.fromEntries(counts.rows.map((r) => [r.name, r.n]));
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  const team = await orgWithTeam("Hostile");
  await setSeats(team.org.id, 10);
  const invitee = freshEmail();
  const invited = await invite(team.team.owner, team.org.slug, [invitee]);
  // One signed-in device for every request, recorded before the rows are counted.
  fixture = {
    ...team,
    invitationId: invited.body.data[0]!.id,
    sessionId: await createSession(team.team.owner),
    apiKeyId: await insertApiKey(team.org.id, team.team.owner.id),
    webhook: await insertWebhook(team.org.id),
  };
  // The invitation's mail job runs in the app's worker: count once it has run.
  await waitForMail(invitee);
  rowsBefore = await countRows();
});

/** The Hostile org is on Free, which cannot create keys through the API: one is put in directly. */
async function insertApiKey(orgId: string, createdById: string): Promise<string> {
  const { key: _secret, ...key } = generateApiKey("test");
  const row = await scoped({ orgId }, (tx) => tx.apiKey.create({ data: { ...key, orgId, createdById, name: "Hostile", role: "read_only" } }));
  return row.id;
}

/** An endpoint with one logged delivery, put in directly: nothing is sent to it, so no job runs during the count. */
async function insertWebhook(orgId: string): Promise<{ endpointId: string; deliveryId: string }> {
  return scoped({ orgId }, async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { orgId, url: "https://hooks.example.com/in", eventTypes: ["project.created"], secret: "whsec_aG9zdGlsZSBob3N0aWxlIGhvc3RpbGU=" },
      select: { id: true },
    });
    const delivery = await tx.webhookDelivery.create({
      data: { orgId, endpointId: endpoint.id, eventId: "evt_hostile", eventType: "project.created", payload: "{}", status: "failed" },
      select: { id: true },
    });
    return { endpointId: endpoint.id, deliveryId: delivery.id };
  });
}

afterAll(async () => {
  await owner?.end();
});

/** Real values for path params, so each request carries exactly one hostile value. */
function realParam(route: RouteEntry, name: string): string {
  if (name === "org") return fixture.org.slug;
  const segment = route.path.split("/").at(route.path.split("/").indexOf(`[${name}]`) - 1);
  const byCollection: Record<string, string> = {
    projects: fixture.projects[0]!.id,
    invitations: fixture.invitationId,
    members: fixture.team.viewer.id,
    "api-keys": fixture.apiKeyId,
    webhooks: fixture.webhook.endpointId,
    deliveries: fixture.webhook.deliveryId,
  };
  const value = segment ? byCollection[segment] : undefined;
  if (!value) throw new Error(`No fixture for ${name} in ${route.path}: add one to realParam.`);
  return value;
}

function urlFor(route: RouteEntry, override?: { name: string; encoded: string }): string {
  return route.path.replace(/\[([^\]]+)\]/g, (_, name: string) =>
    override?.name === name ? override.encoded : encodeURIComponent(realParam(route, name)),
  );
}

/** The schema a field is checked against, to know whether a value is hostile for it. */
function fieldSchema(schema: z.ZodType | undefined, field: string): z.ZodType | undefined {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>)[field] : undefined;
}

function fieldsOf(schema: z.ZodType | undefined): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

type Attack = {
  label: string;
  /** Where the error should point: `name` for body/query/params fields. */
  field?: string;
  method: string;
  url: string;
  body?: string;
  headers?: Record<string, string>;
  /** false: the field's schema takes the value (only sent to reads, which may answer 2xx). */
  mustRefuse: boolean;
  /** NUL and lone surrogates: the 400 must name the field. */
  namesField: boolean;
};

/** Whether to send `value` and what to expect: a value the field accepts is only sent where it cannot write. */
function plan(route: RouteEntry, hostile: Hostile, accepts: () => boolean): { send: boolean; mustRefuse: boolean } {
  const mustRefuse = hostile.refused === "always" || !accepts();
  return { send: mustRefuse || SAFE.has(route.method), mustRefuse };
}

const acceptsJson = (schema: z.ZodType | undefined, json: string) => schema !== undefined && schema.safeParse(JSON.parse(json)).success;

function attacksFor(route: RouteEntry): Attack[] {
  const meta = route.meta!;
  const attacks: Attack[] = [];
  const add = (a: Omit<Attack, "method">) => attacks.push({ ...a, method: route.method });

  if (meta.body) {
    for (const field of fieldsOf(meta.body)) {
      for (const h of hostileJsonValues()) {
        const p = plan(route, h, () => acceptsJson(fieldSchema(meta.body, field), h.json));
        if (p.send) add({ label: `body.${field}: ${h.label}`, field, url: urlFor(route), body: `{${JSON.stringify(field)}:${h.json}}`, mustRefuse: p.mustRefuse, namesField: h.namesField === true });
      }
    }
    for (const h of hostileJsonBodies()) {
      const p = plan(route, h, () => acceptsJson(meta.body, h.json));
      if (p.send) add({ label: `body: ${h.label}`, url: urlFor(route), body: h.json, mustRefuse: p.mustRefuse, namesField: false });
    }
  }

  for (const field of fieldsOf(meta.query)) {
    for (const h of hostileUrlValues()) {
      const schema = fieldSchema(meta.query, field);
      const p = plan(route, h, () => schema !== undefined && schema.safeParse(decodedUrlText(h.encoded)).success);
      if (p.send) add({ label: `query.${field}: ${h.label}`, field, url: `${urlFor(route)}?${field}=${h.encoded}`, mustRefuse: p.mustRefuse, namesField: h.namesField === true });
    }
  }

  // The one request header a route parses as input (lib/idempotency). Control characters (NUL, DEL)
  // in it never reach the app: Node's HTTP parser refuses them (api.idempotency.test.ts).
  if (route.method === "POST" && meta.idempotencyKey) {
    for (const [label, value] of HOSTILE_IDEMPOTENCY_KEYS) {
      add({ label: `header Idempotency-Key: ${label}`, field: "Idempotency-Key", url: urlFor(route), headers: { "idempotency-key": value }, mustRefuse: true, namesField: true });
    }
  }

  for (const name of route.pathParams) {
    const schema = name === "org" && meta.kind === "org" ? slugSchema : fieldSchema(meta.params, name);
    for (const h of hostileUrlValues()) {
      const p = plan(route, h, () => schema !== undefined && schema.safeParse(decodedUrlText(h.encoded)).success);
      if (p.send) add({ label: `params.${name}: ${h.label}`, field: name, url: urlFor(route, { name, encoded: h.encoded }), mustRefuse: p.mustRefuse, namesField: h.namesField === true });
    }
  }
  return attacks;
}

/** Idempotency-Key values to refuse: 1 to 255 visible ASCII characters are a key, nothing else. */
const HOSTILE_IDEMPOTENCY_KEYS: [string, string][] = [
  ["300 characters", "k".repeat(300)],
  ["empty", ""],
  ["inner space", "a b"],
  ["tab", "a\tb"],
  ["Latin-1 byte", "caf\u00e9"],
  ["two keys joined", "a, b"],
];

type Problem = { status: number; code: string; errors?: { path: string; message: string }[] };

/** What is wrong with the answer to `attack`, or null when it is as expected. */
async function send(attack: Attack, cookie: string): Promise<string | null> {
  const headers: Record<string, string> = { ...attack.headers, cookie };
  if (attack.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${inject("baseUrl")}${attack.url}`, { method: attack.method, headers, body: attack.body, redirect: "manual" });
  const text = await res.text();
  const type = res.headers.get("content-type") ?? "";
  const where = `${attack.method} ${attack.url.slice(0, 120)} [${attack.label}] → ${res.status}`;
  if (res.status >= 500) return `${where}: server error ${text.slice(0, 200)}`;
  if (attack.mustRefuse && (res.status < 400 || res.status >= 500)) return `${where}: expected a 4xx`;
  if (res.status >= 400 && !type.startsWith("application/problem+json")) return `${where}: content-type ${type}`;
  if (attack.namesField && res.status === 400) {
    const problem = JSON.parse(text) as Problem;
    const named = problem.errors?.some((e) => e.path === attack.field || e.path.startsWith(`${attack.field}.`));
    if (!named) return `${where}: errors do not name ${attack.field}: ${text.slice(0, 200)}`;
  }
  return null;
}

async function sweep(attacks: Attack[]): Promise<string[]> {
  const cookie = await sessionCookie(fixture.team.owner, fixture.sessionId);
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < attacks.length) {
      const failure = await send(attacks[next++]!, cookie);
      if (failure) failures.push(failure);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

describe("the route table", () => {
  it("lists every API route, and only the catch-all, next-auth, health and the Stripe webhook are written without a wrapper", () => {
    expect(table.length).toBeGreaterThan(20);
    expect(new Set(table.filter((r) => !r.meta).map((r) => r.path))).toEqual(UNWRAPPED);
    for (const route of swept) if (route.meta?.kind === "org") expect(route.pathParams[0]).toBe("org");
  });
});

describe("hostile input on every route gets a 4xx problem+json", () => {
  for (const route of swept) {
    it(`${route.method} ${route.path}`, async () => {
      const attacks = attacksFor(route);
      const failures = await sweep(attacks);
      expect(failures, failures.slice(0, 15).join("\n")).toEqual([]);
    });
  }

  it("cuts off an oversized chunked body as soon as it passes the cap", async () => {
    const cookie = await sessionCookie(fixture.team.owner, fixture.sessionId);
    for (const route of swept.filter((r) => r.meta?.body && r.method !== "GET")) {
      // 64 MiB offered. The answer must come long before all of it is sent; loopback socket
      // buffers take a few MiB beyond what the server reads, so the bound is loose.
      const res = await chunkedUpload(route.method, `${inject("baseUrl")}${urlFor(route)}`, { cookie }, 64 * 1024 * 1024);
      expect(res.status, `${route.method} ${route.path}`).toBe(413);
      expect(res.contentType).toContain("application/problem+json");
      expect(res.bytesSent).toBeLessThan(16 * 1024 * 1024);
    }
  });

  it("serves the bounded date range's very ends, so the bounds themselves reach Postgres safely", async () => {
    const api = client(fixture.team.owner, { sessionId: fixture.sessionId });
    const base = `/api/v1/orgs/${fixture.org.slug}/audit`;
    for (const range of ["from=0001-01-01&to=9999-12-31", "from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59.999Z"]) {
      expect((await api.get(`${base}?${range}`)).status, range).toBe(200);
    }
  });

  it("wrote nothing: every public table has the rows it had before", async () => {
    // Background work started by the sweep (none is expected) would land within this wait.
    await new Promise((r) => setTimeout(r, 500));
    expect(await countRows()).toEqual(rowsBefore);
  });

  it("still serves the owner normally afterwards", async () => {
    const res = await client(fixture.team.owner, { sessionId: fixture.sessionId }).get(`/api/v1/orgs/${fixture.org.slug}/projects`);
    expect(res.status).toBe(200);
  });
});
