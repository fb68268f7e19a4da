import { withOrg } from "@/lib/api/with-org";
import { changeRole, removeMember } from "@/lib/members/service";
import { memberParamsSchema, memberRoleSchema, memberSchema } from "@/lib/members/schemas";

export const PATCH = withOrg(
  {
    summary: "Change a member's role",
    permission: "members:manage",
    params: memberParamsSchema,
    body: memberRoleSchema,
    response: memberSchema,
    errors: ["conflict"],
  },
  ({ ctx, tx, params, body }) => changeRole(ctx, tx, params.userId, body.role),
);

// Leaving is removing yourself, which every member may do; removing others needs
// members:manage, checked in the service because it depends on whose id is in the URL.
export const DELETE = withOrg(
  { summary: "Remove a member or leave", permission: "org:read", params: memberParamsSchema, errors: ["conflict"] },
  ({ ctx, tx, params }) => removeMember(ctx, tx, params.userId),
);
