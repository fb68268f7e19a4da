import { withUser } from "@/lib/api/with-user";
import { createOrgAsUser, pageOrgsForUser } from "@/lib/orgs/service";
import { orgCreateSchema, orgListQuerySchema, orgListSchema, orgSummarySchema } from "@/lib/orgs/schemas";

export const GET = withUser({ summary: "List your organizations", query: orgListQuerySchema, response: orgListSchema }, ({ principal, query }) =>
  pageOrgsForUser(principal.userId, query),
);

export const POST = withUser(
  { summary: "Create an organization", body: orgCreateSchema, response: orgSummarySchema, status: 201, errors: ["conflict"], transaction: true },
  ({ tx, principal, body, request }) => createOrgAsUser(tx, principal.userId, body, request),
);
