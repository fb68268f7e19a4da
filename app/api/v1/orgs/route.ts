import { withUser } from "@/lib/api/with-user";
import { createOrg, listOrgsForUser } from "@/lib/orgs/service";
import { orgCreateSchema, orgListSchema, orgSummarySchema } from "@/lib/orgs/schemas";

export const GET = withUser({ summary: "List your organizations", response: orgListSchema }, async ({ principal }) => ({
  data: await listOrgsForUser(principal.userId),
}));

export const POST = withUser(
  { summary: "Create an organization", body: orgCreateSchema, response: orgSummarySchema, status: 201, errors: ["conflict"] },
  ({ principal, body, request }) => createOrg(principal.userId, body, request),
);
