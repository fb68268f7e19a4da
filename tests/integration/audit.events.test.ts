import { describe, expect, it } from "vitest";
import type { AuditEventDto, AuditPage } from "@/lib/audit/schemas";
import type { OrgContext } from "@/lib/orgs/context";
import type { ProjectDto } from "@/lib/projects/schemas";
import { updateProject } from "@/lib/projects/service";
import { scoped } from "@/lib/db/tenant-transaction";
import { createUser, orgWithTeam, type TestUser } from "../support/factories";
import { client } from "../support/http";
import { freshEmail, invited, setSeats } from "./invitations.support";

let caseNo = 0;

/** Headers a proxy and a browser would send; each change gets its own IP and user agent. */
function origin() {
  caseNo += 1;
  const ip = `203.0.113.${caseNo}`;
  const userAgent = `AuditTest/1.0 (case ${caseNo})`;
  return { ip, userAgent, headers: { "x-forwarded-for": `${ip}, 10.0.0.1`, "user-agent": userAgent } };
}

async function events(slug: string, as: TestUser, query = ""): Promise<AuditEventDto[]> {
  const res = await client(as).get<AuditPage>(`/api/v1/orgs/${slug}/audit?limit=100${query}`);
  expect(res.status).toBe(200);
  return res.body.data;
}

async function only(slug: string, as: TestUser, action: string): Promise<AuditEventDto> {
  const found = await events(slug, as, `&action=${action}`);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe("every change writes exactly one audit event with who, what, where from and when", () => {
  it("project created, updated and deleted", async () => {
    const { org, team } = await orgWithTeam("AuditProjects");
    const api = client(team.member);
    const url = `/api/v1/orgs/${org.slug}/projects`;

    const created = origin();
    const project = await api.post<ProjectDto>(url, { name: "Ledger", description: "Books" }, { headers: created.headers });
    expect(project.status).toBe(201);
    expect(await only(org.slug, team.owner, "project.created")).toMatchObject({
      actor: { type: "user", id: team.member.id, label: team.member.email },
      target: { type: "project", id: project.body.id, label: "Ledger" },
      changes: { after: { name: "Ledger", description: "Books", status: "active" } },
      ip: created.ip,
      userAgent: created.userAgent,
    });

    const updated = origin();
    await api.patch(`${url}/${project.body.id}`, { name: "Ledger 2", status: "paused", description: "Books" }, { headers: updated.headers });
    const update = await only(org.slug, team.owner, "project.updated");
    expect(update).toMatchObject({ target: { id: project.body.id, label: "Ledger 2" }, ip: updated.ip, userAgent: updated.userAgent });
    // Only what changed: the description was sent unchanged.
    expect(update.changes).toEqual({ before: { name: "Ledger", status: "active" }, after: { name: "Ledger 2", status: "paused" } });

    // Saving the same values again is not a change.
    await api.patch(`${url}/${project.body.id}`, { name: "Ledger 2" });
    await only(org.slug, team.owner, "project.updated");

    const deleted = origin();
    await api.delete(`${url}/${project.body.id}`, { headers: deleted.headers });
    expect(await only(org.slug, team.owner, "project.deleted")).toMatchObject({
      target: { id: project.body.id, label: "Ledger 2" },
      changes: { before: { name: "Ledger 2", status: "paused" } },
      ip: deleted.ip,
      userAgent: deleted.userAgent,
    });
  });

  it("org settings updated", async () => {
    const { org, team } = await orgWithTeam("AuditOrg");
    const meta = origin();
    await client(team.admin).patch(`/api/v1/orgs/${org.slug}`, { name: "Renamed Org" }, { headers: meta.headers });
    expect(await only(org.slug, team.owner, "org.updated")).toMatchObject({
      actor: { id: team.admin.id, label: team.admin.email },
      target: { type: "org", id: org.id, label: "Renamed Org" },
      changes: { before: { name: org.name }, after: { name: "Renamed Org" } },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
  });

  it("org created", async () => {
    const founder = await createUser("Founder");
    const res = await client(founder).post<{ slug: string }>("/api/v1/orgs", { name: "Audited Start" });
    expect(await only(res.body.slug, founder, "org.created")).toMatchObject({
      actor: { id: founder.id, label: founder.email },
      target: { type: "org", label: "Audited Start" },
      changes: { after: { name: "Audited Start", slug: res.body.slug } },
    });
  });

  it("member role changed, removed and left", async () => {
    const { org, team } = await orgWithTeam("AuditMembers");
    const members = `/api/v1/orgs/${org.slug}/members`;

    const changed = origin();
    await client(team.admin).patch(`${members}/${team.member.id}`, { role: "viewer" }, { headers: changed.headers });
    expect(await only(org.slug, team.owner, "member.role_changed")).toMatchObject({
      actor: { id: team.admin.id },
      target: { type: "member", id: team.member.id, label: team.member.email },
      changes: { before: { role: "member" }, after: { role: "viewer" } },
      ip: changed.ip,
      userAgent: changed.userAgent,
    });
    // The same role again changes nothing and records nothing.
    await client(team.admin).patch(`${members}/${team.member.id}`, { role: "viewer" });
    await only(org.slug, team.owner, "member.role_changed");

    const removed = origin();
    await client(team.owner).delete(`${members}/${team.member.id}`, { headers: removed.headers });
    expect(await only(org.slug, team.owner, "member.removed")).toMatchObject({
      actor: { id: team.owner.id },
      target: { id: team.member.id, label: team.member.email },
      changes: { before: { role: "viewer" } },
      ip: removed.ip,
      userAgent: removed.userAgent,
    });

    const left = origin();
    await client(team.viewer).delete(`${members}/${team.viewer.id}`, { headers: left.headers });
    expect(await only(org.slug, team.owner, "member.left")).toMatchObject({
      actor: { id: team.viewer.id, label: team.viewer.email },
      target: { id: team.viewer.id },
      changes: { before: { role: "viewer" } },
      ip: left.ip,
      userAgent: left.userAgent,
    });
  });

  it("ownership transferred", async () => {
    const { org, team } = await orgWithTeam("AuditTransfer");
    const meta = origin();
    await client(team.owner).post(`/api/v1/orgs/${org.slug}/transfer-ownership`, { userId: team.admin.id }, { headers: meta.headers });
    const event = await only(org.slug, team.admin, "ownership.transferred");
    expect(event).toMatchObject({
      actor: { id: team.owner.id, label: team.owner.email },
      target: { type: "member", id: team.admin.id, label: team.admin.email },
      changes: { before: { role: "admin", actorRole: "owner" }, after: { role: "owner", actorRole: "admin" } },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    // One event for the hand-over, not a role change per person.
    expect(await events(org.slug, team.admin, "&action=member.role_changed")).toHaveLength(0);
  });

  it("invitation created, resent, revoked and accepted (with the member who joined)", async () => {
    const { org, team } = await orgWithTeam("AuditInvites");
    await setSeats(org.id, 20);
    const base = `/api/v1/orgs/${org.slug}/invitations`;

    const sent = origin();
    const email = freshEmail("audited");
    const created = await client(team.admin).post<{ data: { id: string }[] }>(base, { emails: [email], role: "viewer" }, { headers: sent.headers });
    expect(created.status).toBe(201);
    const id = created.body.data[0]!.id;
    expect(await only(org.slug, team.owner, "invitation.created")).toMatchObject({
      actor: { id: team.admin.id },
      target: { type: "invitation", id, label: email },
      changes: { after: { email, role: "viewer" } },
      ip: sent.ip,
      userAgent: sent.userAgent,
    });

    const resent = origin();
    expect((await client(team.admin).post(`${base}/${id}/resend`, undefined, { headers: resent.headers })).status).toBe(200);
    expect(await only(org.slug, team.owner, "invitation.resent")).toMatchObject({ target: { id }, ip: resent.ip, userAgent: resent.userAgent });

    const revoked = origin();
    expect((await client(team.admin).delete(`${base}/${id}`, { headers: revoked.headers })).status).toBe(204);
    expect(await only(org.slug, team.owner, "invitation.revoked")).toMatchObject({
      target: { id },
      changes: { before: { email, role: "viewer" } },
      ip: revoked.ip,
      userAgent: revoked.userAgent,
    });

    const joiner = await createUser("Joiner");
    const { invitation, token } = await invited(team.owner, org.slug, "member", joiner.email);
    const accepted = origin();
    expect((await client(joiner).post("/api/v1/invitations/accept", { token }, { headers: accepted.headers })).status).toBe(200);
    expect(await only(org.slug, team.owner, "invitation.accepted")).toMatchObject({
      actor: { id: joiner.id, label: joiner.email },
      target: { id: invitation.id },
      ip: accepted.ip,
      userAgent: accepted.userAgent,
    });
    expect(await only(org.slug, team.owner, "member.joined")).toMatchObject({
      actor: { id: joiner.id },
      target: { type: "member", id: joiner.id },
      changes: { after: { role: "member" } },
      ip: accepted.ip,
    });
  });
});

describe("a change that fails leaves no audit event", () => {
  it("a rename to a taken URL (409)", async () => {
    const { org, team } = await orgWithTeam("AuditConflict");
    const other = await orgWithTeam("AuditOther");
    const res = await client(team.owner).patch(`/api/v1/orgs/${org.slug}`, { name: "Renamed", slug: other.org.slug });
    expect(res.status).toBe(409);
    expect(await events(org.slug, team.owner, "&action=org.updated")).toHaveLength(0);
  });

  it("the last owner trying to leave (409)", async () => {
    const { org, team } = await orgWithTeam("AuditLast");
    expect((await client(team.owner).delete(`/api/v1/orgs/${org.slug}/members/${team.owner.id}`)).status).toBe(409);
    expect(await events(org.slug, team.owner, "&action=member.left")).toHaveLength(0);
  });

  it("a service that recorded its event, then failed, rolls the event back with the change", async () => {
    const { org, team, projects } = await orgWithTeam("AuditRollback");
    const project = projects[0]!;
    const ctx: OrgContext = {
      org: { id: org.id, slug: org.slug, name: org.name, personal: false },
      role: "owner",
      actor: { type: "user", userId: team.owner.id, label: team.owner.email },
      request: { ip: "198.51.100.9", userAgent: "rollback" },
    };
    await expect(
      scoped({ orgId: org.id }, async (tx) => {
        await updateProject(ctx, tx, project.id, { name: "Never saved" });
        throw new Error("a later step of the same request failed");
      }),
    ).rejects.toThrow(/later step/);
    expect(await events(org.slug, team.owner, "&action=project.updated")).toHaveLength(0);
    const after = await client(team.owner).get<ProjectDto>(`/api/v1/orgs/${org.slug}/projects/${project.id}`);
    expect(after.body.name).toBe(project.name);
  });
});

describe("the audit log is append-only and tenant-scoped in the database", () => {
  it("the app role cannot update or delete audit rows (permission denied)", async () => {
    const { org, team } = await orgWithTeam("AuditAppendOnly");
    await client(team.owner).patch(`/api/v1/orgs/${org.slug}`, { name: "Something else" });
    const before = await events(org.slug, team.owner);
    expect(before.length).toBeGreaterThan(0);

    await expect(scoped({ orgId: org.id }, (tx) => tx.$executeRaw`update audit_events set action = 'org.deleted'`)).rejects.toThrow(/permission denied/);
    await expect(scoped({ orgId: org.id }, (tx) => tx.$executeRaw`delete from audit_events`)).rejects.toThrow(/permission denied/);
    await expect(scoped({ orgId: org.id }, (tx) => tx.auditEvent.deleteMany({ where: { orgId: org.id } }))).rejects.toThrow(/permission denied/);
    expect(await events(org.slug, team.owner)).toEqual(before);
  });

  it("a raw query sees one org's events, and cannot write into another's", async () => {
    const a = await orgWithTeam("AuditRlsA");
    const b = await orgWithTeam("AuditRlsB");
    const rows = await scoped({ orgId: a.org.id }, (tx) => tx.$queryRaw<{ orgId: string }[]>`select "orgId" from audit_events`);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.orgId))).toEqual(new Set([a.org.id]));
    await expect(
      scoped(
        { orgId: a.org.id },
        (tx) => tx.$executeRaw`insert into audit_events (id, "orgId", "actorType", "actorLabel", action, "targetType") values ('auditprobe0000000000', ${b.org.id}, 'user', 'x', 'org.updated', 'org')`,
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
