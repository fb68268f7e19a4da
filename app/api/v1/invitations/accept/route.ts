import { withUser } from "@/lib/api/with-user";
import { acceptInvitation } from "@/lib/invitations/accept";
import { invitationAcceptSchema } from "@/lib/invitations/schemas";

export const POST = withUser({ body: invitationAcceptSchema }, ({ principal, body, request }) => acceptInvitation(principal, body.token, request));
