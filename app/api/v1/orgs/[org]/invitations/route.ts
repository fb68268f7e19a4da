import { withOrg } from "@/lib/api/with-org";
import { createdInvitationsSchema, invitationCreateSchema, invitationListQuerySchema, invitationListSchema } from "@/lib/invitations/schemas";
import { createInvitations, listInvitations } from "@/lib/invitations/service";

export const GET = withOrg(
  { summary: "List pending invitations", permission: "members:read", query: invitationListQuerySchema, response: invitationListSchema },
  ({ ctx, tx, query }) => listInvitations(ctx, tx, query),
);

export const POST = withOrg(
  {
    summary: "Invite people",
    permission: "members:manage",
    body: invitationCreateSchema,
    response: createdInvitationsSchema,
    status: 201,
    errors: ["conflict", "seat_limit"],
  },
  ({ ctx, tx, body }) => createInvitations(ctx, tx, body),
);
