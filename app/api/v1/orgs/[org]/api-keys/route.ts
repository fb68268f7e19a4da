import { withOrg } from "@/lib/api/with-org";
import { createApiKey, listApiKeys } from "@/lib/api-keys/service";
import { apiKeyCreateSchema } from "@/lib/api-keys/schemas";

export const GET = withOrg({ permission: "api_keys:manage" }, ({ ctx, tx }) => listApiKeys(ctx, tx));

export const POST = withOrg({ permission: "api_keys:manage", body: apiKeyCreateSchema, status: 201 }, ({ ctx, tx, body }) => createApiKey(ctx, tx, body));
