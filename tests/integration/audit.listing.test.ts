import { beforeAll, describe, expect, it } from "vitest";
import type { AuditEventDto, AuditPage } from "@/lib/audit/schemas";
import { orgWithTeam } from "../support/factories";
import { setPlan } from "../support/billing";
import { client } from "../support/http";

let fixture: Awaited<ReturnType<typeof orgWithTeam>>;
const base = () => `/api/v1/orgs/${fixture.org.slug}/audit`;
const today = () => new Date().toISOString().slice(0, 10);
const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// Five project.created by the member, one project.updated and one member.role_changed by
// the admin, on top of the org.created the fixture wrote.
beforeAll(async () => {
  fixture = await orgWithTeam("AuditList");
  const { org, team } = fixture;
  // Export is a Pro feature (billing.entitlements.test.ts covers the refusal on Free).
  await setPlan(org.id, "pro");
  const projects = `/api/v1/orgs/${org.slug}/projects`;
  for (const name of ["One", "Two", "Three", "Four", '=HYPERLINK("http://evil.test","Five")']) {
    expect((await client(team.member).post(projects, { name })).status).toBe(201);
  }
  await client(team.admin).patch(`${projects}/${fixture.projects[0]!.id}`, { status: "archived" });
  await client(team.admin).patch(`/api/v1/orgs/${org.slug}/members/${team.viewer.id}`, { role: "member" });
});

async function list(query: string) {
  return client(fixture.team.admin).get<AuditPage & { errors?: { path: string }[] }>(`${base()}?${query}`);
}

describe("listing the audit log", () => {
  it("pages newest first with a cursor, without gaps or repeats", async () => {
    const all = (await list("limit=100")).body.data;
    expect(all).toHaveLength(8);
    const times = all.map((e) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const seen: AuditEventDto[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: AuditPage } = await list(`limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.data);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it("filters by action", async () => {
    const created = (await list("action=project.created")).body.data;
    expect(created).toHaveLength(5);
    expect(new Set(created.map((e) => e.action))).toEqual(new Set(["project.created"]));
    expect((await list("action=")).body.data).toHaveLength(8);
  });

  it("filters by actor (part of the email, or the exact id)", async () => {
    const { team } = fixture;
    const byEmail = (await list(`actor=${encodeURIComponent(team.admin.email.slice(0, 12).toUpperCase())}`)).body.data;
    expect(byEmail.map((e) => e.action).sort()).toEqual(["member.role_changed", "project.updated"]);
    expect((await list(`actor=${team.member.id}`)).body.data).toHaveLength(5);
  });

  it("filters by target (part of its label, or the exact id)", async () => {
    const { team } = fixture;
    expect((await list("target=hyperlink")).body.data.map((e) => e.action)).toEqual(["project.created"]);
    expect((await list(`target=${team.viewer.id}`)).body.data.map((e) => e.action)).toEqual(["member.role_changed"]);
  });

  it("filters by date range, whole UTC days or exact instants", async () => {
    expect((await list(`from=${today()}&to=${today()}`)).body.data).toHaveLength(8);
    expect((await list(`from=${dayOffset(1)}`)).body.data).toHaveLength(0);
    expect((await list(`to=${dayOffset(-1)}`)).body.data).toHaveLength(0);
    const newest = (await list("limit=1")).body.data[0]!;
    expect((await list(`from=${encodeURIComponent(newest.createdAt)}`)).body.data.map((e) => e.id)).toContain(newest.id);
  });

  it("combines filters", async () => {
    const res = await list(`action=project.created&actor=${fixture.team.admin.id}`);
    expect(res.body.data).toHaveLength(0);
  });

  it("rejects bad input with 400 and the field", async () => {
    for (const [query, path] of [
      ["action=project.exploded", "action"],
      [`from=${dayOffset(1)}&to=${dayOffset(-1)}`, "to"],
      ["from=yesterday", "from"],
      ["limit=0", "limit"],
      ["cursor=garbage", "cursor"],
    ] as const) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
      expect(res.body.errors?.map((e) => e.path), query).toContain(path);
    }
  });
});

describe("exporting the audit log as CSV", () => {
  it("downloads every matching event, escaped and safe to open in a spreadsheet", async () => {
    const res = await client(fixture.team.admin).get<string>(`${base()}/export?action=project.created`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="audit-log-${fixture.org.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    expect(res.headers.get("x-export-rows")).toBe("5");
    expect(res.headers.get("x-export-truncated")).toBeNull();

    const text = res.body;
    const lines = text.split("\r\n");
    expect(lines[0]).toBe('"time","action","actor_type","actor_id","actor","target_type","target_id","target","before","after","ip","user_agent"');
    expect(lines).toHaveLength(7); // header, five rows, and the empty string after the final CRLF
    expect(lines[6]).toBe("");
    // The formula is neutralised with a leading apostrophe and its quotes are doubled;
    // before/after are JSON as Postgres stores it (jsonb orders keys by length).
    expect(text).toContain(`"'=HYPERLINK(""http://evil.test"",""Five"")"`);
    expect(text).toContain(`"{""name"":""One"",""status"":""active"",""description"":""""}"`);
    expect(text).toContain(`"${fixture.team.member.email}"`);
  });

  it("applies the same filters as the list", async () => {
    const res = await client(fixture.team.owner).get<string>(`${base()}/export?actor=${fixture.team.admin.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-export-rows")).toBe("2");
    const bad = await client(fixture.team.owner).get(`${base()}/export?action=nope`);
    expect(bad.status).toBe(400);
  });
});

describe("who may read the audit log", () => {
  it.each(["member", "viewer"] as const)("a %s gets 403 on the list and the export", async (role) => {
    const api = client(fixture.team[role]);
    for (const res of [await api.get<{ code: string }>(base()), await api.get<{ code: string }>(`${base()}/export`)]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("forbidden");
    }
  });

  it.each(["owner", "admin"] as const)("a %s reads it", async (role) => {
    expect((await client(fixture.team[role]).get(base())).status).toBe(200);
  });

  it("anonymous callers get 401", async () => {
    expect((await client().get(`${base()}/export`)).status).toBe(401);
  });
});
