"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ApiError, fetchJson } from "@/lib/api/fetch-json";

type Props = { subscription: string; seats: number; trialing: boolean; endsAtPeriodEnd: boolean; hasOpenInvoice: boolean };
type Action = "fail_payment" | "pay_invoice" | "renew" | "trial_will_end" | "period_end" | "change_seats";

/** The buttons of one subscription on /dev/billing; each posts to /api/dev/billing, then reloads the list. */
export function DevBillingActions({ subscription, seats, trialing, endsAtPeriodEnd, hasOpenInvoice }: Props) {
  const router = useRouter();
  const seatsId = useId();
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();
  const [newSeats, setNewSeats] = useState(String(seats));

  const run = (action: Action, label: string) =>
    startTransition(async () => {
      try {
        const body = action === "change_seats" ? { action, subscription, seats: Number(newSeats) } : { action, subscription };
        const result = await fetchJson<{ events: string[] }>("/api/dev/billing", { method: "POST", body });
        setMessage(`${label}: sent ${result.events.join(", ") || "no events"}.`);
        router.refresh();
      } catch (error) {
        setMessage(error instanceof ApiError ? `${label} refused: ${error.problem.detail}` : `${label} failed.`);
      }
    });

  return (
    <div className="mt-3 space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={pending} onClick={() => run("fail_payment", "Failed payment")}>
          Fail a payment
        </Button>
        <Button variant="secondary" disabled={pending || !hasOpenInvoice} onClick={() => run("pay_invoice", "Payment")}>
          Pay the open invoice
        </Button>
        {endsAtPeriodEnd ? (
          <Button variant="secondary" disabled={pending} onClick={() => run("period_end", "Period end")}>
            Reach period end (ends it)
          </Button>
        ) : (
          <Button variant="secondary" disabled={pending} onClick={() => run("renew", "Renewal")}>
            {trialing ? "End the trial (paid)" : "Renew (paid)"}
          </Button>
        )}
        {trialing && (
          <Button variant="secondary" disabled={pending} onClick={() => run("trial_will_end", "Trial will end")}>
            Trial will end
          </Button>
        )}
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          run("change_seats", "Seat change");
        }}
      >
        <div className="w-28">
          <label htmlFor={seatsId} className="mb-1 block text-sm font-medium">
            Seats
          </label>
          <Input id={seatsId} type="number" min={1} max={10000} required value={newSeats} onChange={(e) => setNewSeats(e.target.value)} />
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Change seats as in the portal
        </Button>
      </form>
      <p role="status" aria-live="polite" className="text-sm text-muted-foreground">
        {message}
      </p>
    </div>
  );
}
