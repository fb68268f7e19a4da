"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { fetchJson } from "@/lib/api/fetch-json";
import type { PlanId } from "@/lib/billing/plans";
import { useDashboard } from "@/components/dashboard/dashboard-context";

/**
 * The billing page's actions. Checkout and the portal are Stripe pages: the API returns
 * their address and the browser goes there. Cancelling and resuming change the
 * subscription in place; the page re-renders from the server afterwards.
 */
export function useBillingActions() {
  const { org } = useDashboard();
  const router = useRouter();
  const base = `/api/v1/orgs/${encodeURIComponent(org.slug)}/billing`;
  const go = ({ url }: { url: string }) => window.location.assign(url);

  const checkout = useMutation({ mutationFn: (plan: PlanId) => fetchJson<{ url: string }>(`${base}/checkout`, { method: "POST", body: { plan } }), onSuccess: go });
  const portal = useMutation({ mutationFn: () => fetchJson<{ url: string }>(`${base}/portal`, { method: "POST" }), onSuccess: go });
  const cancel = useMutation({
    mutationFn: () => fetchJson(`${base}/cancel`, { method: "POST" }),
    onSuccess: () => {
      toast.success("Subscription cancelled at the end of the period");
      router.refresh();
    },
  });
  const resume = useMutation({
    mutationFn: () => fetchJson(`${base}/resume`, { method: "POST" }),
    onSuccess: () => {
      toast.success("Subscription resumed");
      router.refresh();
    },
  });
  return { checkout, portal, cancel, resume };
}

export type BillingActions = ReturnType<typeof useBillingActions>;
