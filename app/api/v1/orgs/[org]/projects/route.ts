import { withOrg } from "@/lib/api/with-org";
import { createProject, listProjects } from "@/lib/projects/service";
import { projectCreateSchema, projectListQuerySchema, projectPageSchema, projectSchema } from "@/lib/projects/schemas";

export const GET = withOrg(
  { summary: "List projects", permission: "projects:read", query: projectListQuerySchema, response: projectPageSchema, sqlOnly: true },
  ({ sql, query }) => listProjects(sql, query),
);

export const POST = withOrg(
  { summary: "Create a project", permission: "projects:write", body: projectCreateSchema, response: projectSchema, status: 201, errors: ["plan_limit"] },
  ({ ctx, tx, body }) => createProject(ctx, tx, body),
);
