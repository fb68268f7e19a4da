import { withOrg } from "@/lib/api/with-org";
import { listMembers } from "@/lib/members/service";

export const GET = withOrg({ permission: "members:read" }, async ({ ctx, tx }) => ({ data: await listMembers(ctx, tx) }));
