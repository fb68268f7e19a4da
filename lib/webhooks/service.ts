import { AppError, notFound } from "@/lib/api/errors";
import { diff, recordAudit } from "@/lib/audit/record";
import { assertFeature } from "@/lib/billing/entitlements";
import type { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tenant-transaction";
import { encodeCursor } from "@/lib/db/cursor";
import { afterCursor, keysetOrder, MAX_PAGE_SIZE, toPage, type Page, type PageQuery } from "@/lib/db/keyset-page";
import { features } from "@/lib/env";
import { assertWritable, type OrgContext } from "@/lib/orgs/context";
import { queueDelivery, newEventId } from "./emit";
import { eventEnvelope, TEST_EVENT_TYPE } from "./events";
import type {
  WebhookDeliveryDetail,
  WebhookDeliveryDto,
  WebhookDeliveryListQuery,
  WebhookDeliveryPage,
  WebhookEndpointCreateInput,
  WebhookEndpointDto,
  WebhookEndpointUpdateInput,
  WebhookEndpointWithSecretDto,
} from "./schemas";
import { newSigningSecret } from "./signature";
import { resolveTarget, WebhookTargetError } from "./target";

// Never `secret`: request transactions may not read it (see the webhooks migration).
const endpointSelect = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  disabledAt: true,
  disabledReason: true,
  consecutiveFailures: true,
  createdAt: true,
} satisfies Prisma.WebhookEndpointSelect;

type EndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointSelect }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toEndpointDto(row: EndpointRow): WebhookEndpointDto {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.disabledAt === null,
    disabledAt: iso(row.disabledAt),
    disabledReason: row.disabledReason,
    consecutiveFailures: row.consecutiveFailures,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The URL must reach a public address (unless WEBHOOKS_ALLOW_PRIVATE_URLS): refused here with
 * the reason, and checked again before every delivery, since DNS can change.
 */
async function assertDeliverable(url: string): Promise<void> {
  try {
    await resolveTarget(new URL(url), features.webhooksToPrivateUrls);
  } catch (error) {
    if (!(error instanceof WebhookTargetError)) throw error;
    throw new AppError("invalid_input", error.message, { errors: [{ path: "url", message: error.message }] });
  }
}

/** What adds deliveries: paused while the org is read-only, and part of the plan's API access. */
async function assertMaySend(ctx: OrgContext, tx: Tx): Promise<void> {
  assertWritable(ctx);
  await assertFeature(ctx, tx, "apiAccess");
}

async function findEndpoint(ctx: OrgContext, tx: Tx, id: string): Promise<EndpointRow> {
  const row = await tx.webhookEndpoint.findFirst({ where: { id, orgId: ctx.org.id }, select: endpointSelect });
  if (!row) throw notFound("Webhook endpoint");
  return row;
}

export async function listWebhookEndpoints(ctx: OrgContext, tx: Tx, page: PageQuery = { limit: MAX_PAGE_SIZE }): Promise<Page<WebhookEndpointDto>> {
  const rows = await tx.webhookEndpoint.findMany({
    where: { orgId: ctx.org.id, ...afterCursor(page.cursor, "desc") },
    orderBy: keysetOrder("desc"),
    take: page.limit + 1,
    select: endpointSelect,
  });
  return toPage(rows, page.limit, toEndpointDto);
}

export async function getWebhookEndpoint(ctx: OrgContext, tx: Tx, id: string): Promise<WebhookEndpointDto> {
  return toEndpointDto(await findEndpoint(ctx, tx, id));
}

/** A new endpoint, enabled, with its signing secret returned this once. */
export async function createWebhookEndpoint(ctx: OrgContext, tx: Tx, input: WebhookEndpointCreateInput): Promise<WebhookEndpointWithSecretDto> {
  await assertMaySend(ctx, tx);
  await assertDeliverable(input.url);
  const secret = newSigningSecret();
  const row = await tx.webhookEndpoint.create({ data: { orgId: ctx.org.id, url: input.url, description: input.description, eventTypes: input.eventTypes, secret }, select: endpointSelect });
  await recordAudit(ctx, tx, { action: "webhook.created", target: { type: "webhook_endpoint", id: row.id, label: row.url }, changes: { after: { url: row.url, eventTypes: row.eventTypes } } });
  return { ...toEndpointDto(row), secret };
}

/**
 * Changes the URL, description or events, or switches the endpoint off and on. Enabling it
 * again starts its failure count afresh; disabling needs neither the plan nor a writable org.
 */
export async function updateWebhookEndpoint(ctx: OrgContext, tx: Tx, id: string, input: WebhookEndpointUpdateInput): Promise<WebhookEndpointDto> {
  const before = await findEndpoint(ctx, tx, id);
  const enabling = input.enabled === true && before.disabledAt !== null;
  const onlyDisabling = input.enabled === false && input.url === undefined && input.description === undefined && input.eventTypes === undefined;
  if (!onlyDisabling) await assertMaySend(ctx, tx);
  if (input.url !== undefined && input.url !== before.url) await assertDeliverable(input.url);

  const data: Prisma.WebhookEndpointUpdateManyMutationInput = { url: input.url, description: input.description, eventTypes: input.eventTypes };
  if (enabling) Object.assign(data, { disabledAt: null, disabledReason: null, consecutiveFailures: 0 });
  if (input.enabled === false && before.disabledAt === null) Object.assign(data, { disabledAt: new Date(), disabledReason: `Disabled by ${ctx.actor.label}.` });
  await tx.webhookEndpoint.updateMany({ where: { id, orgId: ctx.org.id }, data });
  const after = await findEndpoint(ctx, tx, id);

  const watched = (e: EndpointRow) => ({ url: e.url, description: e.description, eventTypes: e.eventTypes.join(","), enabled: e.disabledAt === null });
  const changes = diff(watched(before), watched(after));
  if (changes) await recordAudit(ctx, tx, { action: "webhook.updated", target: { type: "webhook_endpoint", id, label: after.url }, changes });
  return toEndpointDto(after);
}

/** Deletes the endpoint and its delivery log; pending attempts find nothing and end. */
export async function deleteWebhookEndpoint(ctx: OrgContext, tx: Tx, id: string): Promise<void> {
  const endpoint = await findEndpoint(ctx, tx, id);
  await tx.webhookEndpoint.deleteMany({ where: { id, orgId: ctx.org.id } });
  await recordAudit(ctx, tx, { action: "webhook.deleted", target: { type: "webhook_endpoint", id, label: endpoint.url } });
}

/**
 * A new signing secret, returned this once; the old one stops at once, so deliveries from now
 * on carry only the new signature. Receivers should accept both while they switch over.
 */
export async function rotateWebhookSecret(ctx: OrgContext, tx: Tx, id: string): Promise<WebhookEndpointWithSecretDto> {
  await assertMaySend(ctx, tx);
  const endpoint = await findEndpoint(ctx, tx, id);
  const secret = newSigningSecret();
  await tx.webhookEndpoint.updateMany({ where: { id, orgId: ctx.org.id }, data: { secret } });
  await recordAudit(ctx, tx, { action: "webhook.secret_rotated", target: { type: "webhook_endpoint", id, label: endpoint.url } });
  return { ...toEndpointDto(endpoint), secret };
}

const deliverySelect = {
  id: true,
  endpointId: true,
  eventId: true,
  eventType: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastAttemptAt: true,
  responseStatus: true,
  durationMs: true,
  error: true,
  replayOfId: true,
  createdAt: true,
} satisfies Prisma.WebhookDeliverySelect;

type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof deliverySelect }>;

function toDeliveryDto(row: DeliveryRow): WebhookDeliveryDto {
  return { ...row, nextAttemptAt: iso(row.nextAttemptAt), lastAttemptAt: iso(row.lastAttemptAt), createdAt: row.createdAt.toISOString() };
}

/** Newest first, keyset-paginated like every list. */
export async function listWebhookDeliveries(ctx: OrgContext, tx: Tx, endpointId: string, query: WebhookDeliveryListQuery): Promise<WebhookDeliveryPage> {
  await findEndpoint(ctx, tx, endpointId);
  const filters: Prisma.WebhookDeliveryWhereInput[] = [{ orgId: ctx.org.id, endpointId }];
  if (query.status) filters.push({ status: query.status });
  if (query.cursor) {
    const { createdAt, id } = query.cursor;
    filters.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
  }
  const rows = await tx.webhookDelivery.findMany({ where: { AND: filters }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: query.limit + 1, select: deliverySelect });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { data: page.map(toDeliveryDto), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

const stringRecord = (value: Prisma.JsonValue | null): Record<string, string> | null =>
  value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])) : null;

export async function getWebhookDelivery(ctx: OrgContext, tx: Tx, endpointId: string, id: string): Promise<WebhookDeliveryDetail> {
  const row = await tx.webhookDelivery.findFirst({
    where: { id, endpointId, orgId: ctx.org.id },
    select: { ...deliverySelect, payload: true, requestHeaders: true, responseHeaders: true, responseBody: true, endpoint: { select: { url: true } } },
  });
  if (!row) throw notFound("Delivery");
  const { payload, requestHeaders, responseHeaders, responseBody, endpoint, ...summary } = row;
  return {
    ...toDeliveryDto(summary),
    request: { url: endpoint.url, headers: stringRecord(requestHeaders), body: payload },
    response: { headers: stringRecord(responseHeaders), body: responseBody },
  };
}

async function addDelivery(ctx: OrgContext, tx: Tx, data: { endpointId: string; eventId: string; eventType: string; payload: string; replayOfId?: string }): Promise<WebhookDeliveryDto> {
  const row = await tx.webhookDelivery.create({ data: { ...data, orgId: ctx.org.id, nextAttemptAt: new Date() }, select: deliverySelect });
  await queueDelivery(tx, ctx.org.id, row.id);
  return toDeliveryDto(row);
}

function assertEnabled(endpoint: EndpointRow): void {
  if (endpoint.disabledAt) throw new AppError("conflict", "This endpoint is disabled. Enable it first, then send again.");
}

/**
 * Sends a logged delivery again as a new delivery with the same event id and body, so a
 * receiver that already processed it can recognise it. Its own attempts and retries follow.
 */
export async function replayWebhookDelivery(ctx: OrgContext, tx: Tx, endpointId: string, id: string): Promise<WebhookDeliveryDto> {
  await assertMaySend(ctx, tx);
  const endpoint = await findEndpoint(ctx, tx, endpointId);
  assertEnabled(endpoint);
  const original = await tx.webhookDelivery.findFirst({ where: { id, endpointId, orgId: ctx.org.id }, select: { eventId: true, eventType: true, payload: true } });
  if (!original) throw notFound("Delivery");
  return addDelivery(ctx, tx, { endpointId, ...original, replayOfId: id });
}

/** A `webhook.test` event to this endpoint alone, to check the receiver and its signature check. */
export async function sendTestWebhook(ctx: OrgContext, tx: Tx, endpointId: string): Promise<WebhookDeliveryDto> {
  await assertMaySend(ctx, tx);
  const endpoint = await findEndpoint(ctx, tx, endpointId);
  assertEnabled(endpoint);
  const eventId = newEventId();
  const payload = eventEnvelope(eventId, TEST_EVENT_TYPE, ctx.org, { endpointId, message: `A test event sent by ${ctx.actor.label}.` });
  return addDelivery(ctx, tx, { endpointId, eventId, eventType: TEST_EVENT_TYPE, payload });
}
