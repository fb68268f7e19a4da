import { can } from "@/lib/auth/permissions";
import { loadAsMember } from "@/lib/orgs/load-as-member";
import { loadOrgPlan, orgUsage } from "./entitlements";
import { loadInvoiceHistory } from "./invoices";
import { planOf } from "./plans";
import { billingState } from "./state";
import { ENTITLED_STATUSES } from "./sync";

/**
 * Everything the billing page shows. The app's own state is read in the org transaction;
 * invoices come from Stripe afterwards, with no database connection held while Stripe answers.
 * Members who cannot manage billing get the plan's name and nothing else.
 */
export async function loadBillingOverview(slug: string, path: string) {
  const own = await loadAsMember(slug, "org:read", path, async (ctx, tx) => {
    if (!can(ctx.role, "billing:manage")) return { manage: false as const, planName: planOf((await loadOrgPlan(ctx, tx)).plan).name };
    const [state, usage, refs] = await Promise.all([
      billingState(ctx, tx),
      orgUsage(ctx, tx),
      tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { stripeCustomerId: true, subscription: { select: { stripeSubscriptionId: true } } } }),
    ]);
    return { manage: true as const, state, usage, refs };
  });
  if (!own.manage) return own;
  const { state, usage, refs } = own;
  const subscription = state.subscription;
  const renews = subscription !== null && ENTITLED_STATUSES.has(subscription.status) && !subscription.cancelAtPeriodEnd;
  const history = await loadInvoiceHistory(refs.stripeCustomerId, refs.subscription && { id: refs.subscription.stripeSubscriptionId, renews });
  return { manage: true as const, state, usage, history };
}

export type BillingOverview = Extract<Awaited<ReturnType<typeof loadBillingOverview>>, { manage: true }>;
