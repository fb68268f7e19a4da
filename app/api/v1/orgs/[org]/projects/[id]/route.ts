import { z } from "zod";
import { withOrg } from "@/lib/api/with-org";
import { deleteProject, getProject, lockProject, updateProject } from "@/lib/projects/service";
import { projectIdSchema, projectSchema, projectUpdateSchema } from "@/lib/projects/schemas";

const params = z.object({ id: projectIdSchema });

export const GET = withOrg({ summary: "Get a project", permission: "projects:read", params, response: projectSchema, etag: lockProject, sqlOnly: true }, ({ sql, params }) =>
  getProject(sql, params.id),
);

export const PATCH = withOrg(
  { summary: "Update a project", permission: "projects:write", params, body: projectUpdateSchema, response: projectSchema, etag: lockProject },
  ({ ctx, tx, params, body }) => updateProject(ctx, tx, params.id, body),
);

export const DELETE = withOrg({ summary: "Delete a project", permission: "projects:write", params, etag: lockProject }, ({ ctx, tx, params }) =>
  deleteProject(ctx, tx, params.id),
);
