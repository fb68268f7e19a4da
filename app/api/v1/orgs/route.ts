import { withUser } from "@/lib/api/with-user";
import { createOrg, pageOrgsForUser } from "@/lib/orgs/service";
import { orgCreateSchema, orgListQuerySchema } from "@/lib/orgs/schemas";

export const GET = withUser({ query: orgListQuerySchema }, ({ principal, query }) => pageOrgsForUser(principal.userId, query));

export const POST = withUser({ body: orgCreateSchema, status: 201 }, ({ principal, body, request }) => createOrg(principal.userId, body, request));
