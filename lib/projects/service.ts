import type { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tenant-transaction";
import { notFound } from "@/lib/api/errors";
import { diff, recordAudit } from "@/lib/audit/record";
import { assertWithinLimit } from "@/lib/billing/entitlements";
import { recordUsage } from "@/lib/billing/usage-recorder";
import type { OrgContext } from "@/lib/orgs/context";
import { afterCursor, keysetOrder, toPage } from "@/lib/db/keyset-page";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { projectSearch } from "./search";
import type { ProjectCreateInput, ProjectDto, ProjectListQuery, ProjectPage, ProjectUpdateInput } from "./schemas";

const select = {
  id: true,
  name: true,
  description: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.ProjectSelect;

type Row = Prisma.ProjectGetPayload<{ select: typeof select }>;

const toDto = (p: Row): ProjectDto => ({ ...p, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() });

// Every query names the org although RLS would confine it anyway: the filter keeps the
// index usable and the intent readable; RLS is the second lock, not the only one.

export async function listProjects(ctx: OrgContext, tx: Tx, query: ProjectListQuery): Promise<ProjectPage> {
  const filters: Prisma.ProjectWhereInput[] = [{ orgId: ctx.org.id }];
  if (query.status) filters.push({ status: query.status });
  if (query.q) filters.push(projectSearch(query.q));
  filters.push(afterCursor(query.cursor, "desc"));
  const rows = await tx.project.findMany({ where: { AND: filters }, orderBy: keysetOrder("desc"), take: query.limit + 1, select });
  return toPage(rows, query.limit, toDto);
}

export async function getProject(ctx: OrgContext, tx: Tx, id: string): Promise<ProjectDto> {
  const row = await tx.project.findFirst({ where: { id, orgId: ctx.org.id }, select });
  if (!row) throw notFound("Project");
  return toDto(row);
}

/**
 * The project as GET answers it, locked until the transaction ends (null when there is
 * none): what an If-Match on a write is checked against, with no write slipping in between.
 * Takes the route's params, to be the `etag` option of its withOrg routes.
 */
export async function lockProject(ctx: OrgContext, tx: Tx, { id }: { id: string }): Promise<ProjectDto | null> {
  const locked = await tx.$queryRaw<unknown[]>`select 1 from projects where id = ${id} and "orgId" = ${ctx.org.id} for update`;
  return locked.length ? getProject(ctx, tx, id) : null;
}

/** Refused (402) once the plan's project limit is reached; existing projects are never touched. */
export async function createProject(ctx: OrgContext, tx: Tx, input: ProjectCreateInput): Promise<ProjectDto> {
  await assertWithinLimit(ctx, tx, "projects");
  const row = await tx.project.create({ data: { ...input, orgId: ctx.org.id, createdById: ctx.actor.userId }, select });
  await recordAudit(ctx, tx, { action: "project.created", target: { type: "project", id: row.id, label: row.name }, changes: { after: input } });
  recordUsage(ctx.org.id, "projects_created");
  const project = toDto(row);
  await emitWebhookEvent(tx, ctx.org, "project.created", project);
  return project;
}

export async function updateProject(ctx: OrgContext, tx: Tx, id: string, input: ProjectUpdateInput): Promise<ProjectDto> {
  const before = await getProject(ctx, tx, id);
  await tx.project.updateMany({ where: { id, orgId: ctx.org.id }, data: input });
  const after = await getProject(ctx, tx, id);
  const changes = diff(before, input);
  if (changes) {
    await recordAudit(ctx, tx, { action: "project.updated", target: { type: "project", id, label: after.name }, changes });
    await emitWebhookEvent(tx, ctx.org, "project.updated", after);
  }
  return after;
}

export async function deleteProject(ctx: OrgContext, tx: Tx, id: string): Promise<void> {
  const before = await getProject(ctx, tx, id);
  await tx.project.deleteMany({ where: { id, orgId: ctx.org.id } });
  await recordAudit(ctx, tx, {
    action: "project.deleted",
    target: { type: "project", id, label: before.name },
    changes: { before: { name: before.name, description: before.description, status: before.status } },
  });
  await emitWebhookEvent(tx, ctx.org, "project.deleted", { id, name: before.name });
}
