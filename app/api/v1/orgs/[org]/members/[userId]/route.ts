import { withOrg } from "@/lib/api/with-org";
import { changeRole, removeMember } from "@/lib/members/service";
import { memberParamsSchema, memberRoleSchema } from "@/lib/members/schemas";

export const PATCH = withOrg({ permission: "members:manage", params: memberParamsSchema, body: memberRoleSchema }, ({ ctx, tx, params, body }) =>
  changeRole(ctx, tx, params.userId, body.role),
);

// Leaving is removing yourself, which every member may do; removing others needs
// members:manage, checked in the service because it depends on whose id is in the URL.
export const DELETE = withOrg({ permission: "org:read", params: memberParamsSchema }, ({ ctx, tx, params }) =>
  removeMember(ctx, tx, params.userId),
);
