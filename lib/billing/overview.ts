import { can } from "@/lib/auth/permissions";
import { loadAsMember } from "@/lib/orgs/load-as-member";
import { loadOrgPlan, orgUsage } from "./entitlements";
import { loadInvoiceHistory } from "./invoices";
import { planOf } from "./plans";
import { readBilling } from "./state";

/**
 * Everything the billing page shows. The app's own state is read in the org transaction;
 * invoices come from Stripe afterwards, with no database connection held while Stripe answers.
 * Members who cannot manage billing get the plan's name and nothing else.
 */
export async function loadBillingOverview(slug: string, path: string) {
  const own = await loadAsMember(slug, "org:read", path, async (ctx, tx) => {
    if (!can(ctx.role, "billing:manage")) return { manage: false as const, planName: planOf((await loadOrgPlan(ctx, tx)).plan).name };
    const { state, stripeIds } = await readBilling(ctx, tx);
    const usage = await orgUsage(ctx, tx);
    return { manage: true as const, state, stripeIds, usage };
  });
  if (!own.manage) return own;
  const { state, stripeIds, usage } = own;
  const renews = Boolean(state.subscription?.entitled && !state.subscription.cancelAtPeriodEnd);
  const history = await loadInvoiceHistory(stripeIds.customer, stripeIds.subscription ? { id: stripeIds.subscription, renews } : null);
  return { manage: true as const, state, usage, history };
}

export type BillingOverview = Extract<Awaited<ReturnType<typeof loadBillingOverview>>, { manage: true }>;
