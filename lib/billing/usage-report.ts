import { scoped } from "@/lib/db/tenant-transaction";
import type { TaskHandler } from "@/lib/jobs/handlers";
import { log } from "@/lib/log";
import { orgsWithCustomers } from "./customer-orgs";
import { stripe } from "./stripe";
import { isRetryableStripeFailure } from "./stripe-failure";
import { type Claim, DAY_MS, REPORTABLE_DAYS, meterEvent } from "./meter-event";

/**
 * The hourly `billing_report_usage` task: for each org with a Stripe customer, every counter
 * with unreported usage is claimed (`reportingQuantity`: the total this report covers, kept
 * until Stripe accepts it, so a crash or failure retries the very same event), sent to the
 * metric's meter, and marked reported. Orgs without a customer are skipped; their usage stays
 * counted and is sent once they have one (if within Stripe's 35 days). Stripe down: the job
 * fails and is retried, and the next hourly run picks up anything left.
 */
export const reportUsage: TaskHandler<"billing_report_usage"> = async () => {
  const client = stripe;
  if (!client) return;
  const totals = { orgs: 0, events: 0, refused: 0 };
  for await (const org of orgsWithCustomers()) {
    totals.orgs++;
    const claims = await claimPending(org.id);
    for (const claim of claims) {
      const event = meterEvent(org.stripeCustomerId, org.id, claim);
      if (!event) continue;
      try {
        await client.billing.meterEvents.create(event, { idempotencyKey: event.identifier });
      } catch (error) {
        if (isRetryableStripeFailure(error)) throw error;
        totals.refused++;
        log.error("usage report refused by Stripe; left unreported", { component: "billing", orgId: org.id, metric: claim.metric, identifier: event.identifier, error });
        continue;
      }
      await markReported(org.id, claim);
      totals.events++;
    }
  }
  log.info("usage reported to Stripe", { component: "billing", ...totals });
};

/** Claims every counter of the org with usage not yet reported; a claim left by a failed run is kept as it was. */
function claimPending(orgId: string): Promise<Claim[]> {
  const since = new Date(Date.now() - REPORTABLE_DAYS * DAY_MS);
  return scoped({ orgId }, (tx) =>
    tx.$queryRaw<Claim[]>`
      update usage_counters set "reportingQuantity" = coalesce("reportingQuantity", quantity), "updatedAt" = now()
      where "orgId" = ${orgId} and day >= ${since}::date and ("reportingQuantity" is not null or quantity > "reportedQuantity")
      returning day, metric, "reportedQuantity" as "from", "reportingQuantity" as "to"`,
  );
}

async function markReported(orgId: string, claim: Claim): Promise<void> {
  await scoped({ orgId }, (tx) =>
    tx.$executeRaw`
      update usage_counters set "reportedQuantity" = "reportingQuantity", "reportingQuantity" = null, "updatedAt" = now()
      where "orgId" = ${orgId} and day = ${claim.day}::date and metric = ${claim.metric} and "reportingQuantity" = ${claim.to}`,
  );
}
