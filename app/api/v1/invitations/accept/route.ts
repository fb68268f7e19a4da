import { withUser } from "@/lib/api/with-user";
import { acceptInvitation } from "@/lib/invitations/accept";
import { acceptedInvitationSchema, invitationAcceptSchema } from "@/lib/invitations/schemas";

export const POST = withUser(
  { summary: "Accept an invitation", body: invitationAcceptSchema, response: acceptedInvitationSchema, errors: ["not_found", "conflict", "seat_limit"], transaction: true },
  ({ tx, principal, body, request }) => acceptInvitation(tx, principal, body.token, request),
);
