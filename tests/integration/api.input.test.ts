import { beforeAll, describe, expect, inject, it } from "vitest";
import type { ProjectPage } from "@/lib/projects/schemas";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";

type Problem = { type: string; title: string; status: number; detail: string; code: string; errors?: { path: string; message: string }[] };

let fixture: Awaited<ReturnType<typeof orgWithTeam>>;
const url = () => `/api/v1/orgs/${fixture.org.slug}/projects`;

beforeAll(async () => {
  fixture = await orgWithTeam("Input");
});

async function projectCount() {
  return (await client(fixture.team.owner).get<ProjectPage>(`${url()}?limit=100`)).body.data.length;
}

function expectProblem(res: { status: number; headers: Headers; body: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  const body = res.body as Problem;
  expect(body).toMatchObject({ status, code });
  // The problem's section of the API reference, on the app's own origin.
  expect(body.type).toBe(`${inject("baseUrl")}/docs/api#problem-${code.replaceAll("_", "-")}`);
  expect(body.detail.length).toBeGreaterThan(0);
  return body;
}

describe("bad input gets a 4xx problem+json and writes nothing", () => {
  it("rejects invalid bodies with field errors", async () => {
    const before = await projectCount();
    const api = client(fixture.team.owner);
    const cases: unknown[] = [{}, { name: "" }, { name: "x".repeat(101) }, { name: "ok", status: "deleted" }, { name: 42 }, [], "text", null];
    for (const body of cases) {
      const problem = expectProblem(await api.post(url(), body), 400, "invalid_input");
      expect(problem.errors?.length).toBeGreaterThan(0);
    }
    expect(await projectCount()).toBe(before);
  });

  it("rejects malformed JSON", async () => {
    const res = await client(fixture.team.owner).request("POST", url(), { rawBody: '{"name": "x",', headers: { "content-type": "application/json" } });
    expectProblem(res, 400, "bad_request");
  });

  it("rejects a body that is not JSON", async () => {
    const res = await client(fixture.team.owner).request("POST", url(), { rawBody: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expectProblem(res, 415, "unsupported_media_type");
  });

  it("rejects an oversized body", async () => {
    const before = await projectCount();
    const res = await client(fixture.team.owner).post(url(), { name: "big", description: "x".repeat(70 * 1024) });
    expectProblem(res, 413, "payload_too_large");
    expect(await projectCount()).toBe(before);
  });

  it("rejects an empty update", async () => {
    expectProblem(await client(fixture.team.owner).patch(`${url()}/${fixture.projects[0]!.id}`, {}), 400, "invalid_input");
  });

  it("rejects bad params and queries", async () => {
    const api = client(fixture.team.owner);
    expectProblem(await api.get(`${url()}/not-an-id!`), 400, "invalid_input");
    expectProblem(await api.get(`${url()}?limit=0`), 400, "invalid_input");
    expectProblem(await api.get(`${url()}?limit=abc`), 400, "invalid_input");
    expectProblem(await api.get(`${url()}?status=gone`), 400, "invalid_input");
    expectProblem(await api.get(`${url()}?cursor=garbage`), 400, "invalid_input");
    expectProblem(await api.get(`/api/v1/orgs/NOT_A_SLUG/projects`), 404, "not_found");
    expectProblem(await api.get(`${url()}/${"a".repeat(25)}`), 404, "not_found");
  });

  it("refuses cross-site writes made with the session cookie", async () => {
    const before = await projectCount();
    const api = client(fixture.team.owner);
    expectProblem(await api.post(url(), { name: "csrf" }, { headers: { origin: "https://evil.example" } }), 403, "forbidden");
    expectProblem(await api.post(url(), { name: "csrf" }, { headers: { "sec-fetch-site": "cross-site" } }), 403, "forbidden");
    expect(await projectCount()).toBe(before);
  });
});
