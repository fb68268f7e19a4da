import { withUser } from "@/lib/api/with-user";
import { createOrg, listOrgsForUser } from "@/lib/orgs/service";
import { orgCreateSchema } from "@/lib/orgs/schemas";

export const GET = withUser({}, async ({ principal }) => ({ data: await listOrgsForUser(principal.userId) }));

export const POST = withUser({ body: orgCreateSchema, status: 201 }, ({ principal, body, request }) => createOrg(principal.userId, body, request));
