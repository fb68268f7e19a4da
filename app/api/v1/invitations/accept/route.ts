import { withUser } from "@/lib/api/with-user";
import { acceptInvitation } from "@/lib/invitations/accept";
import { acceptedInvitationSchema, invitationAcceptSchema } from "@/lib/invitations/schemas";

export const POST = withUser(
  { summary: "Accept an invitation", body: invitationAcceptSchema, response: acceptedInvitationSchema, errors: ["not_found", "conflict", "seat_limit"] },
  ({ principal, body, request }) => acceptInvitation(principal, body.token, request),
);
