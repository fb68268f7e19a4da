import { z } from "zod";
import { cursorSchema } from "@/lib/db/cursor";
import { MAX_PAGE_SIZE, pageQuerySchema, pageSchema } from "@/lib/db/keyset-page";
import { webhookEventTypeSchema } from "./events";
import { webhookUrlSchema } from "./url-schema";

const description = z.string().trim().max(200, "must be at most 200 characters");
const eventTypes = z
  .array(webhookEventTypeSchema)
  .min(1, "choose at least one event")
  .max(50)
  .transform((types) => [...new Set(types)].sort());

export const webhookEndpointCreateSchema = z.object({ url: webhookUrlSchema, description: description.default(""), eventTypes });

export const webhookEndpointUpdateSchema = z
  .object({ url: webhookUrlSchema.optional(), description: description.optional(), eventTypes: eventTypes.optional(), enabled: z.boolean().optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Provide at least one field to change.");

const id = (what: string) => z.string().regex(/^[a-z0-9]{20,40}$/, `is not a valid ${what} id`);
export const webhookEndpointIdSchema = id("webhook endpoint");
export const webhookDeliveryIdSchema = id("delivery");

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;

export const webhookDeliveryListQuerySchema = z.object({
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
});

export type WebhookEndpointCreateInput = z.infer<typeof webhookEndpointCreateSchema>;
export type WebhookEndpointUpdateInput = z.infer<typeof webhookEndpointUpdateSchema>;
export type WebhookDeliveryListQuery = z.infer<typeof webhookDeliveryListQuerySchema>;

// What the API returns (and the OpenAPI document describes): never the secret, except once.

export const webhookEndpointDtoSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  disabledAt: z.iso.datetime().nullable(),
  disabledReason: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type WebhookEndpointDto = z.infer<typeof webhookEndpointDtoSchema>;

export const webhookEndpointListSchema = pageSchema(webhookEndpointDtoSchema);

/** The dashboard shows every endpoint: a page as large as allowed by default. */
export const webhookEndpointListQuerySchema = pageQuerySchema(MAX_PAGE_SIZE);

/** Creation and rotation: the one answer that carries the signing secret. */
export const webhookEndpointWithSecretSchema = webhookEndpointDtoSchema.extend({ secret: z.string() });
export type WebhookEndpointWithSecretDto = z.infer<typeof webhookEndpointWithSecretSchema>;

export const webhookDeliveryDtoSchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastAttemptAt: z.iso.datetime().nullable(),
  responseStatus: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  error: z.string().nullable(),
  replayOfId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type WebhookDeliveryDto = z.infer<typeof webhookDeliveryDtoSchema>;

export const webhookDeliveryPageSchema = z.object({ data: z.array(webhookDeliveryDtoSchema), nextCursor: z.string().nullable() });
export type WebhookDeliveryPage = z.infer<typeof webhookDeliveryPageSchema>;

/** One delivery with what was sent and what came back. */
export const webhookDeliveryDetailSchema = webhookDeliveryDtoSchema.extend({
  request: z.object({ url: z.string(), headers: z.record(z.string(), z.string()).nullable(), body: z.string() }),
  response: z.object({ headers: z.record(z.string(), z.string()).nullable(), body: z.string().nullable() }),
});
export type WebhookDeliveryDetail = z.infer<typeof webhookDeliveryDetailSchema>;
