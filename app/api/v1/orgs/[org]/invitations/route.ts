import { withOrg } from "@/lib/api/with-org";
import { invitationCreateSchema } from "@/lib/invitations/schemas";
import { createInvitations, listInvitations } from "@/lib/invitations/service";

export const GET = withOrg({ permission: "members:read" }, ({ ctx, tx }) => listInvitations(ctx, tx));

export const POST = withOrg({ permission: "members:manage", body: invitationCreateSchema, status: 201 }, ({ ctx, tx, body }) =>
  createInvitations(ctx, tx, body),
);
