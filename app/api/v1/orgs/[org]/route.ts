import { withOrg } from "@/lib/api/with-org";
import { deleteOrg, getOrg, lockOrg, updateOrg } from "@/lib/orgs/service";
import { orgSchema, orgUpdateSchema } from "@/lib/orgs/schemas";

export const GET = withOrg({ summary: "Get the organization", permission: "org:read", response: orgSchema, etag: lockOrg }, ({ ctx, tx }) => getOrg(ctx, tx));

export const PATCH = withOrg(
  {
    summary: "Update the organization",
    permission: "org:update",
    body: orgUpdateSchema,
    response: orgSchema,
    errors: ["conflict", "feature_unavailable"],
    etag: lockOrg,
  },
  ({ ctx, tx, body }) => updateOrg(ctx, tx, body),
);

// Destructive and irreversible: a recent sign-in or password is required.
export const DELETE = withOrg({ summary: "Delete the organization", permission: "org:delete", recentAuth: true, etag: lockOrg }, ({ ctx, tx }) =>
  deleteOrg(ctx, tx),
);
