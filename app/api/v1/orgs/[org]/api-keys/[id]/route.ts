import { z } from "zod";
import { withOrg } from "@/lib/api/with-org";
import { revokeApiKey } from "@/lib/api-keys/service";
import { apiKeyIdSchema } from "@/lib/api-keys/schemas";

const params = z.object({ id: apiKeyIdSchema });

export const DELETE = withOrg({ summary: "Revoke an API key", permission: "api_keys:manage", params }, ({ ctx, tx, params }) =>
  revokeApiKey(ctx, tx, params.id),
);
