import { beforeAll, describe, expect, it } from "vitest";
import { isoTimestampSql } from "@/lib/db/json-text";
import { scoped, scopedSql } from "@/lib/db/tenant-transaction";
import { projectSchema, type ProjectDto, type ProjectPage } from "@/lib/projects/schemas";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";

/**
 * Project reads are JSON that Postgres writes (lib/db/json-text.ts), answered as text; writes
 * answer with the same read. Every way of reading a project must give the same object, in
 * the shape the schema (and so the OpenAPI document) promises.
 */

let fixture: Awaited<ReturnType<typeof orgWithTeam>>;
const base = () => `/api/v1/orgs/${fixture.org.slug}/projects`;

beforeAll(async () => {
  fixture = await orgWithTeam("Json");
});

const KEYS = Object.keys(projectSchema.shape);

describe("a project's JSON", () => {
  it("is the same object from create, get-one and the list, with the schema's keys and nothing else", async () => {
    const api = client(fixture.team.owner);
    // What Postgres must escape as JSON does: quotes, backslashes, control characters; and what it must not mangle.
    const name = `Quote " back\\slash </script> 😀 \u2028 é`;
    const description = "line one\nline two\ttabbed \u0001 control";
    const created = await api.post<ProjectDto>(base(), { name, description });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name, description, status: "active", createdBy: { id: fixture.team.owner.id, name: fixture.team.owner.name } });
    expect(Object.keys(created.body)).toEqual(KEYS);
    expect(projectSchema.parse(created.body)).toEqual(created.body);

    const one = await api.get<ProjectDto>(`${base()}/${created.body.id}`);
    expect(one.body).toEqual(created.body);

    const list = await api.get<ProjectPage>(`${base()}?limit=100`);
    expect(list.status).toBe(200);
    expect(list.headers.get("content-type")).toBe("application/json");
    const listed = list.body.data.find((p) => p.id === created.body.id);
    expect(listed).toEqual(created.body);
    for (const item of list.body.data) expect(Object.keys(item)).toEqual(KEYS);
    expect(list.body.nextCursor).toBeNull();
  });

  it("says createdBy: null when the creator is gone", async () => {
    const target = fixture.projects[1]!;
    await scoped({ orgId: fixture.org.id }, (tx) => tx.project.update({ where: { id: target.id }, data: { createdById: null } }));
    const api = client(fixture.team.viewer);
    expect((await api.get<ProjectDto>(`${base()}/${target.id}`)).body.createdBy).toBeNull();
    const listed = (await api.get<ProjectPage>(base())).body.data.find((p) => p.id === target.id);
    expect(listed?.createdBy).toBeNull();
  });

  it("pages with the same cursors as before: every project once, newest first", async () => {
    const api = client(fixture.team.member);
    const seen: ProjectDto[] = [];
    let cursor: string | null = null;
    do {
      const page: ProjectPage = (await api.get<ProjectPage>(`${base()}?limit=2${cursor ? `&cursor=${cursor}` : ""}`)).body;
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await api.get<ProjectPage>(`${base()}?limit=100`)).body.data;
    expect(seen).toEqual(all);
    expect(new Set(seen.map((p) => p.id)).size).toBe(seen.length);
  });
});

describe("isoTimestampSql", () => {
  it("formats a timestamp(3) column exactly as Date.toISOString does", async () => {
    const instants = ["2024-02-29T00:00:00.000Z", "1999-12-31T23:59:59.999Z", "2026-06-01T12:00:00.100Z", "2026-11-30T09:05:07.050Z", "0999-01-01T01:02:03.500Z", "9999-12-31T23:59:59.999Z"];
    for (const iso of instants) {
      const [row] = await scopedSql({}, (sql) => sql.rows<{ text: string }>(`select ${isoTimestampSql("$1::timestamp(3)")} as text`, [iso.slice(0, -1)]));
      expect(row!.text).toBe(new Date(iso).toISOString());
    }
  });
});
