import { withOrg } from "@/lib/api/with-org";
import { invitationCreateSchema, invitationListQuerySchema } from "@/lib/invitations/schemas";
import { createInvitations, listInvitations } from "@/lib/invitations/service";

export const GET = withOrg({ permission: "members:read", query: invitationListQuerySchema }, ({ ctx, tx, query }) => listInvitations(ctx, tx, query));

export const POST = withOrg({ permission: "members:manage", body: invitationCreateSchema, status: 201 }, ({ ctx, tx, body }) =>
  createInvitations(ctx, tx, body),
);
