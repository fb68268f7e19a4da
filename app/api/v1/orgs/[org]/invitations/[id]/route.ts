import { withOrg } from "@/lib/api/with-org";
import { invitationParamsSchema } from "@/lib/invitations/schemas";
import { revokeInvitation } from "@/lib/invitations/service";

export const DELETE = withOrg({ summary: "Revoke an invitation", permission: "members:manage", params: invitationParamsSchema }, ({ ctx, tx, params }) =>
  revokeInvitation(ctx, tx, params.id),
);
