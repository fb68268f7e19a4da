import { withOrg } from "@/lib/api/with-org";
import { createApiKey, listApiKeys } from "@/lib/api-keys/service";
import { apiKeyCreateSchema, apiKeyListQuerySchema, apiKeyListSchema, createdApiKeySchema } from "@/lib/api-keys/schemas";

export const GET = withOrg(
  { summary: "List API keys", permission: "api_keys:manage", query: apiKeyListQuerySchema, response: apiKeyListSchema },
  ({ ctx, tx, query }) => listApiKeys(ctx, tx, query),
);

export const POST = withOrg(
  {
    summary: "Create an API key",
    permission: "api_keys:manage",
    body: apiKeyCreateSchema,
    response: createdApiKeySchema,
    status: 201,
    errors: ["feature_unavailable", "billing_read_only"],
  },
  ({ ctx, tx, body }) => createApiKey(ctx, tx, body),
);
