import { withOrg } from "@/lib/api/with-org";
import { memberListQuerySchema, memberListSchema } from "@/lib/members/schemas";
import { pageMembers } from "@/lib/members/service";

export const GET = withOrg(
  { summary: "List members", permission: "members:read", query: memberListQuerySchema, response: memberListSchema },
  ({ ctx, tx, query }) => pageMembers(ctx, tx, query),
);
