import { withOrg } from "@/lib/api/with-org";
import { pageMembers } from "@/lib/members/service";
import { memberListQuerySchema } from "@/lib/members/schemas";

export const GET = withOrg({ permission: "members:read", query: memberListQuerySchema }, ({ ctx, tx, query }) => pageMembers(ctx, tx, query));
