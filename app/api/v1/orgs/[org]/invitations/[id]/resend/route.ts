import { withOrg } from "@/lib/api/with-org";
import { invitationParamsSchema, invitationSchema } from "@/lib/invitations/schemas";
import { resendInvitation } from "@/lib/invitations/service";

export const POST = withOrg(
  { summary: "Resend an invitation", permission: "members:manage", params: invitationParamsSchema, response: invitationSchema, errors: ["seat_limit"] },
  ({ ctx, tx, params }) => resendInvitation(ctx, tx, params.id),
);
