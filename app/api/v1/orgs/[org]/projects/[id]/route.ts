import { z } from "zod";
import { withOrg } from "@/lib/api/with-org";
import { deleteProject, getProject, updateProject } from "@/lib/projects/service";
import { projectIdSchema, projectUpdateSchema } from "@/lib/projects/schemas";

const params = z.object({ id: projectIdSchema });

export const GET = withOrg({ permission: "projects:read", params }, ({ ctx, tx, params }) => getProject(ctx, tx, params.id));

export const PATCH = withOrg({ permission: "projects:write", params, body: projectUpdateSchema }, ({ ctx, tx, params, body }) =>
  updateProject(ctx, tx, params.id, body),
);

export const DELETE = withOrg({ permission: "projects:write", params }, ({ ctx, tx, params }) => deleteProject(ctx, tx, params.id));
