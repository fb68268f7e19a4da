import { integerLiteral, scopedOrgSql, sqlOf, sqlValues, type Sql } from "@/lib/db/sql";
import type { Tx } from "@/lib/db/tenant-transaction";
import { notFound } from "@/lib/api/errors";
import { diff, recordAudit } from "@/lib/audit/record";
import { assertWithinLimit } from "@/lib/billing/entitlements";
import { recordUsage } from "@/lib/billing/usage-recorder";
import type { OrgContext } from "@/lib/orgs/context";
import { JsonText, isoTimestampSql } from "@/lib/db/json-text";
import { afterCursorSql, keysetOrderSql, toJsonPage, type JsonPageRow } from "@/lib/db/keyset-page";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { projectSearchSql } from "./search";
import type { ProjectCreateInput, ProjectDto, ProjectListQuery, ProjectPage, ProjectUpdateInput } from "./schemas";

// The project as the API answers it (ProjectDto), written by Postgres so that a page passes
// through as text (lib/db/json-text.ts). The creator joins in the same query. Row-level security
// confines the join as well: a creator the org can no longer see reads as null.
const PROJECT_JSON = `(select row_to_json(dto) from (select p.id, p.name, p.description, p.status,
    ${isoTimestampSql('p."createdAt"')} as "createdAt", ${isoTimestampSql('p."updatedAt"')} as "updatedAt",
    case when u.id is null then null else (select row_to_json(c) from (select u.id, u.name) c) end as "createdBy") dto)::text`;
const FROM = `from projects p left join users u on u.id = p."createdById"`;

// Every query filters by the org (the transaction's scope, `scopedOrgSql`) although RLS would
// confine it anyway: the filter keeps the index usable and the intent readable; RLS is the second
// lock, not the only one. The reads are each the last statement of their transaction (`last`:
// its COMMIT goes with it).
// Reads are SQL (lib/db/sql.ts), so the list and get-one routes run without Prisma; writes use Prisma.

/** A page of the org's projects, newest first: JSON text a route answers as is; a page parses it. */
/**
 * A page of the projects of the org the transaction is scoped to. The reads here name no org, so
 * a tenant request can send them with its entry (lib/db/sql.ts, readAfterEntry).
 */
export async function listProjects(sql: Sql, query: ProjectListQuery): Promise<JsonText<ProjectPage>> {
  // Every page but a search runs one kept plan (sql.ts: `prepared`), which needs its org filter and
  // LIMIT written for that. A search is planned for its own text, as search.ts was tuned.
  const prepared = !query.q;
  const { values, param } = sqlValues();
  const where = [scopedOrgSql("p")];
  if (query.status) where.push(`p.status = ${param(query.status)}`);
  if (query.q) where.push(projectSearchSql(query.q, param));
  const after = afterCursorSql(query.cursor, "desc", param, "p");
  if (after) where.push(after);
  const limit = prepared ? integerLiteral(query.limit + 1) : param(query.limit + 1);
  const rows = await sql.rows<JsonPageRow>(
    `select ${PROJECT_JSON} as json, ${isoTimestampSql('p."createdAt"')} as "createdAt", p.id ${FROM}
      where ${where.join(" and ")} order by ${keysetOrderSql("desc", "p")} limit ${limit}`,
    values,
    { prepared, last: true },
  );
  return toJsonPage(rows, query.limit);
}

export async function getProject(sql: Sql, id: string): Promise<ProjectDto> {
  const [row] = await sql.rows<{ json: string }>(`select ${PROJECT_JSON} as json ${FROM} where p.id = $1 and ${scopedOrgSql("p")}`, [id], { prepared: true, last: true });
  if (!row) throw notFound("Project");
  return new JsonText<ProjectDto>(row.json).parse();
}

/**
 * The project as GET answers it, locked until the transaction ends (null when there is
 * none): what an If-Match on a write is checked against, with no write slipping in between.
 * Takes the route's params, to be the `etag` option of its withOrg routes.
 */
export async function lockProject(ctx: OrgContext, tx: Tx, { id }: { id: string }): Promise<ProjectDto | null> {
  const locked = await tx.$queryRaw<unknown[]>`select 1 from projects where id = ${id} and "orgId" = ${ctx.org.id} for update`;
  return locked.length ? getProject(sqlOf(tx), id) : null;
}

/** Refused (402) once the plan's project limit is reached; existing projects are never touched. */
export async function createProject(ctx: OrgContext, tx: Tx, input: ProjectCreateInput): Promise<ProjectDto> {
  await assertWithinLimit(ctx, tx, "projects");
  const { id } = await tx.project.create({ data: { ...input, orgId: ctx.org.id, createdById: ctx.actor.userId }, select: { id: true } });
  const project = await getProject(sqlOf(tx), id);
  await recordAudit(ctx, tx, { action: "project.created", target: { type: "project", id, label: project.name }, changes: { after: input } });
  recordUsage(ctx.org.id, "projects_created");
  await emitWebhookEvent(tx, ctx.org, "project.created", project);
  return project;
}

export async function updateProject(ctx: OrgContext, tx: Tx, id: string, input: ProjectUpdateInput): Promise<ProjectDto> {
  const before = await getProject(sqlOf(tx), id);
  await tx.project.updateMany({ where: { id, orgId: ctx.org.id }, data: input });
  const after = await getProject(sqlOf(tx), id);
  const changes = diff(before, input);
  if (changes) {
    await recordAudit(ctx, tx, { action: "project.updated", target: { type: "project", id, label: after.name }, changes });
    await emitWebhookEvent(tx, ctx.org, "project.updated", after);
  }
  return after;
}

export async function deleteProject(ctx: OrgContext, tx: Tx, id: string): Promise<void> {
  const before = await getProject(sqlOf(tx), id);
  await tx.project.deleteMany({ where: { id, orgId: ctx.org.id } });
  await recordAudit(ctx, tx, {
    action: "project.deleted",
    target: { type: "project", id, label: before.name },
    changes: { before: { name: before.name, description: before.description, status: before.status } },
  });
  await emitWebhookEvent(tx, ctx.org, "project.deleted", { id, name: before.name });
}
