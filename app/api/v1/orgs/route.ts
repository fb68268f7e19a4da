import { withUser } from "@/lib/api/with-user";
import { createOrg, pageOrgsForUser } from "@/lib/orgs/service";
import { orgCreateSchema, orgListQuerySchema, orgListSchema, orgSummarySchema } from "@/lib/orgs/schemas";

export const GET = withUser({ summary: "List your organizations", query: orgListQuerySchema, response: orgListSchema }, ({ principal, query }) =>
  pageOrgsForUser(principal.userId, query),
);

export const POST = withUser(
  { summary: "Create an organization", body: orgCreateSchema, response: orgSummarySchema, status: 201, errors: ["conflict"] },
  ({ principal, body, request }) => createOrg(principal.userId, body, request),
);
