import { withOrg } from "@/lib/api/with-org";
import { memberListSchema } from "@/lib/members/schemas";
import { listMembers } from "@/lib/members/service";

export const GET = withOrg({ summary: "List members", permission: "members:read", response: memberListSchema }, async ({ ctx, tx }) => ({
  data: await listMembers(ctx, tx),
}));
