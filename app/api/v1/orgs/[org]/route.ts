import { withOrg } from "@/lib/api/with-org";
import { deleteOrg, getOrg, updateOrg } from "@/lib/orgs/service";
import { orgUpdateSchema } from "@/lib/orgs/schemas";

export const GET = withOrg({ permission: "org:read" }, ({ ctx, tx }) => getOrg(ctx, tx));

export const PATCH = withOrg({ permission: "org:update", body: orgUpdateSchema }, ({ ctx, tx, body }) => updateOrg(ctx, tx, body));

// Destructive and irreversible: a recent sign-in or password is required.
export const DELETE = withOrg({ permission: "org:delete", recentAuth: true }, ({ ctx, tx }) => deleteOrg(ctx, tx));
