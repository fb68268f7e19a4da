import { can, ROLES } from "@/lib/auth/permissions";
import { hasFeature } from "@/lib/billing/entitlements";
import { planOf } from "@/lib/billing/plans";
import type { Prisma } from "@/lib/db/generated/client";
import { WORKER_ROLE } from "@/lib/db/job-schema";
import { APP_ROLE, scoped, type Tx } from "@/lib/db/tenant-transaction";
import { env, features } from "@/lib/env";
import type { TaskHandler } from "@/lib/jobs/handlers";
import { log } from "@/lib/log";
import { queueMail } from "@/lib/mail/queue";
import { queueDelivery } from "./emit";
import { retryDelayMs } from "./retry-policy";
import { postWebhook, type AttemptResult } from "./send";
import { signedHeaders } from "./signature";
import { webhookEndpointPath } from "./paths";

type Attempt = {
  status: string;
  attempts: number;
  payload: string;
  eventId: string;
  endpointId: string;
  url: string;
  disabledAt: Date | null;
  plan: string;
  orgName: string;
  orgSlug: string;
};

/**
 * The signing secret, read as tenantkit_worker: request transactions (tenantkit_app) cannot
 * read the column at all (see the webhooks migration).
 */
async function signingSecret(tx: Tx, endpointId: string): Promise<string | null> {
  await tx.$executeRaw`select set_config('role', ${WORKER_ROLE}, true)`;
  const rows = await tx.$queryRaw<{ secret: string }[]>`select secret from webhook_endpoints where id = ${endpointId}`;
  await tx.$executeRaw`select set_config('role', ${APP_ROLE}, true)`;
  return rows[0]?.secret ?? null;
}

/** Gives up on a delivery without an attempt (endpoint disabled or gone from the plan); no failure is counted against the endpoint. */
async function abandon(tx: Tx, deliveryId: string, reason: string): Promise<void> {
  await tx.webhookDelivery.updateMany({ where: { id: deliveryId, status: "pending" }, data: { status: "failed", error: reason, nextAttemptAt: null } });
}

/**
 * The `webhook_deliver` task: one attempt of one delivery. The HTTP request runs outside any
 * transaction (a slow receiver must not hold a database connection, let alone PGlite's only
 * session); its outcome is recorded in a second one. A receiver that fails is recorded and
 * retried on the webhook retry policy, not by failing the job.
 */
export const deliverWebhook: TaskHandler<"webhook_deliver"> = async ({ orgId, deliveryId }, job) => {
  const prepared = await scoped({ orgId }, async (tx) => {
    const [row] = await tx.$queryRaw<Attempt[]>`
      select d.status, d.attempts, d.payload, d."eventId", e.id as "endpointId", e.url, e."disabledAt", o.plan, o.name as "orgName", o.slug as "orgSlug"
      from webhook_deliveries d
      join webhook_endpoints e on e.id = d."endpointId"
      join organizations o on o.id = d."orgId"
      where d.id = ${deliveryId} and d."orgId" = ${orgId}`;
    if (!row || row.status !== "pending") return null;
    const refusal = row.disabledAt
      ? "The endpoint was disabled before this attempt."
      : !hasFeature({ plan: row.plan, seatsPurchased: null }, "apiAccess")
        ? `Webhooks are not part of the ${planOf(row.plan).name} plan.`
        : null;
    if (refusal) {
      await abandon(tx, deliveryId, refusal);
      return null;
    }
    const secret = await signingSecret(tx, row.endpointId);
    return secret ? { ...row, secret } : null;
  });
  if (!prepared) return;

  const headers = signedHeaders(prepared.secret, prepared.eventId, prepared.payload);
  const result = await postWebhook({
    url: prepared.url,
    body: prepared.payload,
    headers,
    allowPrivate: features.webhooksToPrivateUrls,
    timeoutMs: env.WEBHOOKS_TIMEOUT_MS,
    signal: job.signal,
  });
  await scoped({ orgId }, (tx) => recordAttempt(tx, orgId, deliveryId, prepared, headers, result));
};

async function recordAttempt(tx: Tx, orgId: string, deliveryId: string, attempt: Attempt, headers: Record<string, string>, result: AttemptResult): Promise<void> {
  const attempts = attempt.attempts + 1;
  const now = new Date();
  const retry = !result.ok && attempts < env.WEBHOOKS_MAX_ATTEMPTS;
  const nextAttemptAt = retry ? new Date(now.getTime() + retryDelayMs(attempts, env.WEBHOOKS_RETRY_BASE_MS)) : null;
  const { count } = await tx.webhookDelivery.updateMany({
    // Only the attempt this job read: a replay or a second job never records over it.
    where: { id: deliveryId, orgId, status: "pending", attempts: attempt.attempts },
    data: {
      status: result.ok ? "succeeded" : retry ? "pending" : "failed",
      attempts,
      lastAttemptAt: now,
      nextAttemptAt,
      requestHeaders: headers,
      responseStatus: result.status,
      responseHeaders: (result.headers ?? undefined) as Prisma.InputJsonValue | undefined,
      responseBody: result.body,
      error: result.error ?? (result.ok ? null : `The receiver answered ${result.status}.`),
      durationMs: result.durationMs,
    },
  });
  if (count !== 1) return;
  if (result.ok) {
    await tx.webhookEndpoint.updateMany({ where: { id: attempt.endpointId, orgId, consecutiveFailures: { gt: 0 } }, data: { consecutiveFailures: 0 } });
  } else if (nextAttemptAt) {
    await queueDelivery(tx, orgId, deliveryId, nextAttemptAt);
  } else {
    await countFailedDelivery(tx, orgId, attempt, result);
  }
}

/**
 * A delivery gave up: one more failure in a row for its endpoint. At WEBHOOKS_DISABLE_AFTER the
 * endpoint is disabled, and the org's owners and admins get one email and the audit log one
 * event: the conditional update lets exactly one job do it.
 */
async function countFailedDelivery(tx: Tx, orgId: string, attempt: Attempt, result: AttemptResult): Promise<void> {
  const [endpoint] = await tx.$queryRaw<{ consecutiveFailures: number }[]>`
    update webhook_endpoints set "consecutiveFailures" = "consecutiveFailures" + 1, "updatedAt" = now()
    where id = ${attempt.endpointId} and "orgId" = ${orgId}
    returning "consecutiveFailures"`;
  if (!endpoint || endpoint.consecutiveFailures < env.WEBHOOKS_DISABLE_AFTER) return;
  const reason = `Disabled after ${endpoint.consecutiveFailures} failed deliveries in a row.`;
  const { count } = await tx.webhookEndpoint.updateMany({ where: { id: attempt.endpointId, orgId, disabledAt: null }, data: { disabledAt: new Date(), disabledReason: reason } });
  if (count !== 1) return;

  await tx.auditEvent.create({
    data: {
      orgId,
      actorType: "system",
      actorLabel: "Webhook delivery",
      action: "webhook.disabled",
      targetType: "webhook_endpoint",
      targetId: attempt.endpointId,
      targetLabel: attempt.url,
      changes: { after: { disabledReason: reason } },
    },
  });
  const admins = await tx.membership.findMany({
    where: { orgId, role: { in: ROLES.filter((role) => can(role, "webhooks:manage")) } },
    select: { user: { select: { id: true, email: true } } },
  });
  const lastError = result.error ?? `The receiver answered ${result.status}.`;
  for (const { user } of admins) {
    await queueMail(tx, {
      to: user.email,
      template: "webhook-disabled",
      props: {
        orgName: attempt.orgName,
        endpointUrl: attempt.url,
        failures: endpoint.consecutiveFailures,
        lastError,
        endpointPageUrl: `${env.APP_URL}${webhookEndpointPath(attempt.orgSlug, attempt.endpointId)}`,
      },
    });
  }
  log.warn("webhook endpoint disabled after repeated failures", { component: "webhooks", orgId, endpointId: attempt.endpointId, failures: endpoint.consecutiveFailures });
}
