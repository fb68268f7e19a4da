import { withOrg } from "@/lib/api/with-org";
import { deleteOrg, getOrg, updateOrg } from "@/lib/orgs/service";
import { orgUpdateSchema } from "@/lib/orgs/schemas";

export const GET = withOrg({ permission: "org:read" }, async ({ ctx }) => getOrg(ctx));

export const PATCH = withOrg({ permission: "org:update", body: orgUpdateSchema }, ({ ctx, tx, body }) => updateOrg(ctx, tx, body));

export const DELETE = withOrg({ permission: "org:delete" }, ({ ctx, tx }) => deleteOrg(ctx, tx));
