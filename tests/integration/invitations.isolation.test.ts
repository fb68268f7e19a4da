import { beforeAll, describe, expect, it } from "vitest";
import { scoped } from "@/lib/db/tenant-transaction";
import { hashToken } from "@/lib/auth/hash-token";
import { orgWithTeam } from "../support/factories";
import { client } from "../support/http";
import { auditActions, freshEmail, invited, listInvitations, setSeats } from "./invitations.support";

let a: Awaited<ReturnType<typeof orgWithTeam>>;
let b: Awaited<ReturnType<typeof orgWithTeam>>;
let bInvitation: Awaited<ReturnType<typeof invited>>;

beforeAll(async () => {
  a = await orgWithTeam("Apricot");
  b = await orgWithTeam("Blueberry");
  await setSeats(a.org.id, 50);
  await invited(a.team.owner, a.org.slug);
  bInvitation = await invited(b.team.owner, b.org.slug);
});

describe("an admin of org A", () => {
  it("gets 404 for every invitation route of org B, by slug", async () => {
    const api = client(a.team.owner);
    const url = `/api/v1/orgs/${b.org.slug}/invitations`;
    const id = bInvitation.invitation.id;
    const attempts = await Promise.all([
      api.get(url),
      api.post(url, { emails: [freshEmail()], role: "member" }),
      api.post(`${url}/${id}/resend`),
      api.delete(`${url}/${id}`),
    ]);
    for (const res of attempts) {
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain("Blueberry");
    }
  });

  it("cannot reach org B's invitation through org A's URL", async () => {
    const api = client(a.team.owner);
    const url = `/api/v1/orgs/${a.org.slug}/invitations/${bInvitation.invitation.id}`;
    expect((await api.post(`${url}/resend`)).status).toBe(404);
    expect((await api.delete(url)).status).toBe(404);
    const list = await listInvitations(a.team.owner, a.org.slug);
    expect(list.data.map((i) => i.id)).not.toContain(bInvitation.invitation.id);
  });

  it("changed nothing in org B", async () => {
    const list = await listInvitations(b.team.viewer, b.org.slug);
    expect(list.data).toEqual([bInvitation.invitation]);
    expect(list.seats).toEqual({ used: 5, limit: 5 });
    expect((await auditActions(b.org.id)).filter((e) => e.action.startsWith("invitation.")).map((e) => e.actorLabel)).toEqual([b.team.owner.email]);
  });
});

describe("row-level security on invitations", () => {
  it("an org-scoped transaction sees only its org's invitations, even with no filter", async () => {
    const rows = await scoped({ orgId: a.org.id }, (tx) => tx.$queryRaw<{ orgId: string }[]>`select "orgId" from invitations`);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.orgId))).toEqual(new Set([a.org.id]));
  });

  it("a token reads exactly its own invitation, and cannot change it without the org scope", async () => {
    const tokenHash = hashToken(bInvitation.token);
    const { rows, updated } = await scoped({}, async (tx) => {
      await tx.$executeRaw`select set_config('app.invitation_token_hash', ${tokenHash}, true)`;
      return {
        rows: await tx.$queryRaw<{ id: string }[]>`select id from invitations`,
        updated: await tx.$executeRaw`update invitations set "revokedAt" = now()`,
      };
    });
    expect(rows).toEqual([{ id: bInvitation.invitation.id }]);
    expect(updated).toBe(0);
  });
});
