import { withOrg } from "@/lib/api/with-org";
import { invitationParamsSchema } from "@/lib/invitations/schemas";
import { resendInvitation } from "@/lib/invitations/service";

export const POST = withOrg({ permission: "members:manage", params: invitationParamsSchema }, ({ ctx, tx, params }) =>
  resendInvitation(ctx, tx, params.id),
);
