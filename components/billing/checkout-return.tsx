"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Callout } from "@/components/ui/callout";

const POLL_MS = 1500;
const POLLS = 8;

/**
 * After Stripe Checkout sends the admin back. The subscription arrives by webhook, usually
 * before the browser does; if not yet, the page re-renders a few times until it shows.
 */
export function CheckoutReturn({ result, subscribed }: { result: "success" | "cancelled"; subscribed: boolean }) {
  const router = useRouter();
  const [polls, setPolls] = useState(0);
  const waiting = result === "success" && !subscribed && polls < POLLS;

  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      router.refresh();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, polls, router]);

  if (result === "cancelled") return <Callout>Checkout was cancelled. Nothing was charged and the plan is unchanged.</Callout>;
  if (subscribed) return <Callout title="Thank you: the subscription is active">Seats follow your team from now on; changes are prorated to the day.</Callout>;
  return (
    <Callout title={waiting ? "Confirming the payment with Stripe…" : "Stripe has not confirmed the payment yet"}>
      {waiting ? "This usually takes a few seconds." : "Reload this page in a minute. If the plan still has not changed, the payment did not go through."}
    </Callout>
  );
}
