import { withOrg } from "@/lib/api/with-org";
import { createApiKey, listApiKeys } from "@/lib/api-keys/service";
import { apiKeyCreateSchema, apiKeyListQuerySchema } from "@/lib/api-keys/schemas";

export const GET = withOrg({ permission: "api_keys:manage", query: apiKeyListQuerySchema }, ({ ctx, tx, query }) => listApiKeys(ctx, tx, query));

export const POST = withOrg({ permission: "api_keys:manage", body: apiKeyCreateSchema, status: 201 }, ({ ctx, tx, body }) => createApiKey(ctx, tx, body));
