import { describe, expect, it } from "vitest";
import { inOrg } from "@/lib/db/tenant-transaction";
import { createOrg } from "@/lib/orgs/service";
import { addMember, createUser, type TestUser } from "../support/factories";
import { client, type HttpResult } from "../support/http";

/**
 * An org never ends up without an owner, however requests interleave: each scenario fires two
 * requests that would each be fine alone, at the same moment, many times over. The losing
 * request is refused (409, or 403 once its caller is no longer an owner), never a 500.
 * (On PGlite transactions run one at a time, so there the races cannot happen at all.)
 */

const ROUNDS = 20;

type Round = { slug: string; orgId: string; a: TestUser; b: TestUser };

/** An org with two owners, `a` and `b`. */
async function twoOwners(): Promise<Round> {
  const a = await createUser("Owner A");
  const b = await createUser("Owner B");
  const org = await createOrg(a.id, { name: `Race ${a.id.slice(-6)}` });
  await addMember(org.id, b.id, "owner");
  return { slug: org.slug, orgId: org.id, a, b };
}

const owners = (orgId: string) => inOrg(orgId, (tx) => tx.membership.count({ where: { orgId, role: "owner" } }));

const demote = (r: Round, as: TestUser, who: TestUser) => client(as).patch(`/api/v1/orgs/${r.slug}/members/${who.id}`, { role: "admin" });
const leave = (r: Round, as: TestUser) => client(as).delete(`/api/v1/orgs/${r.slug}/members/${as.id}`);
const transfer = (r: Round, as: TestUser, to: TestUser) => client(as).post(`/api/v1/orgs/${r.slug}/transfer-ownership`, { userId: to.id });

/** Runs the scenario ROUNDS times on fresh orgs; returns each round's statuses, sorted. */
async function race(scenario: (r: Round) => [Promise<HttpResult>, Promise<HttpResult>]): Promise<number[][]> {
  const outcomes: number[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const r = await twoOwners();
    const results = await Promise.all(scenario(r));
    for (const res of results) {
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      if (res.status >= 400) expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    }
    expect(await owners(r.orgId)).toBeGreaterThanOrEqual(1);
    outcomes.push(results.map((res) => res.status).sort());
  }
  return outcomes;
}

describe("owners under concurrent requests", () => {
  it("two owners demoting themselves at once: one wins, the other gets a 409", async () => {
    const outcomes = await race((r) => [demote(r, r.a, r.a), demote(r, r.b, r.b)]);
    expect(outcomes.every(([first, second]) => first === 200 && second === 409)).toBe(true);
  });

  it("an owner transferring to a co-owner while that co-owner demotes themselves", async () => {
    // Transfer first: the co-owner is then the only owner and their demotion is refused.
    // Demotion first: the transfer makes them owner again. Both end with one owner.
    const outcomes = await race((r) => [transfer(r, r.a, r.b), demote(r, r.b, r.b)]);
    for (const [first, second] of outcomes) {
      expect(first).toBe(200);
      expect([200, 409]).toContain(second);
    }
  });

  it("an owner leaving while the other demotes themselves: one wins, the other gets a 409", async () => {
    const outcomes = await race((r) => [leave(r, r.a), demote(r, r.b, r.b)]);
    expect(outcomes.every(([first, second]) => [200, 204].includes(first!) && second === 409)).toBe(true);
  });

  it("two owners demoting each other: the second finds it is no longer an owner", async () => {
    const outcomes = await race((r) => [demote(r, r.a, r.b), demote(r, r.b, r.a)]);
    for (const [first, second] of outcomes) {
      expect(first).toBe(200);
      expect([403, 409]).toContain(second);
    }
  });

  it("an owner removing the other while being demoted by them", async () => {
    const outcomes = await race((r) => [client(r.a).delete(`/api/v1/orgs/${r.slug}/members/${r.b.id}`), demote(r, r.b, r.a)]);
    for (const statuses of outcomes) expect(statuses.filter((s) => s < 300)).toHaveLength(1);
  });
});
