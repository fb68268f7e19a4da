import { withOrg } from "@/lib/api/with-org";
import { deleteOrg, getOrg, lockOrg, updateOrg } from "@/lib/orgs/service";
import { orgUpdateSchema } from "@/lib/orgs/schemas";

export const GET = withOrg({ permission: "org:read", etag: lockOrg }, ({ ctx, tx }) => getOrg(ctx, tx));

export const PATCH = withOrg({ permission: "org:update", body: orgUpdateSchema, etag: lockOrg }, ({ ctx, tx, body }) => updateOrg(ctx, tx, body));

// Destructive and irreversible: a recent sign-in or password is required.
export const DELETE = withOrg({ permission: "org:delete", recentAuth: true, etag: lockOrg }, ({ ctx, tx }) => deleteOrg(ctx, tx));
