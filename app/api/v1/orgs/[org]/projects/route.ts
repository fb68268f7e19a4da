import { withOrg } from "@/lib/api/with-org";
import { createProject, listProjects } from "@/lib/projects/service";
import { projectCreateSchema, projectListQuerySchema } from "@/lib/projects/schemas";

export const GET = withOrg({ permission: "projects:read", query: projectListQuerySchema }, ({ ctx, tx, query }) =>
  listProjects(ctx, tx, query),
);

export const POST = withOrg({ permission: "projects:write", body: projectCreateSchema, status: 201 }, ({ ctx, tx, body }) =>
  createProject(ctx, tx, body),
);
