import { z } from "zod";
import { boundedInstantSchema } from "@/lib/db/bounded-date";
import { MAX_PAGE_SIZE, pageQuerySchema, pageSchema } from "@/lib/db/keyset-page";

export const API_KEY_ROLES = ["read_only", "read_write"] as const;
export const apiKeyRoleSchema = z.enum(API_KEY_ROLES, { error: "must be read_only or read_write" });

export const apiKeyCreateSchema = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  role: apiKeyRoleSchema,
  /** An exact instant with an offset; omitted or null, the key never expires. */
  expiresAt: boundedInstantSchema
    .refine((v) => new Date(v).getTime() > Date.now(), "must be in the future")
    .transform((v) => new Date(v))
    .nullish(),
});

/** The settings page lists every key: a page as large as allowed by default. */
export const apiKeyListQuerySchema = pageQuerySchema(MAX_PAGE_SIZE);

export const apiKeyIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/, "is not a valid API key id");

export type ApiKeyCreateInput = z.infer<typeof apiKeyCreateSchema>;
export type ApiKeyRoleName = z.infer<typeof apiKeyRoleSchema>;

/** What the API returns and the dashboard renders: never the secret or its hash. */
export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: apiKeyRoleSchema,
  /** The key's start as shown in lists (`tk_live_ab12cd34`), with `last4`: enough to recognise it, not to use it. */
  prefix: z.string(),
  last4: z.string(),
  createdAt: z.iso.datetime(),
  /** The email of the person who created it; null once their account is gone. */
  createdBy: z.string().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});

export const apiKeyListSchema = pageSchema(apiKeySchema);

/** The one response that carries the whole key; it is not stored anywhere it could be read back. */
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string() });

export type ApiKeyDto = z.infer<typeof apiKeySchema>;
export type CreatedApiKeyDto = z.infer<typeof createdApiKeySchema>;
