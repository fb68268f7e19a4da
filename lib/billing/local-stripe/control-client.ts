import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { env, features } from "@/lib/env";

/**
 * The app's side of the stand-in's test-control API, for the dev-only /dev/billing page:
 * what Stripe holds, and the events a founder triggers by hand (a failed payment, a renewal…).
 * Refuses unless billing talks to the local stand-in (features.localStripe).
 */

export const DEV_BILLING_ACTIONS = ["fail_payment", "pay_invoice", "renew", "trial_will_end", "period_end", "change_seats"] as const;

const subscriptionId = z.string().regex(/^sub_[A-Za-z0-9]{1,64}$/, "must be a subscription id (sub_…)");

export const devBillingActionSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.enum(["fail_payment", "pay_invoice", "renew", "trial_will_end", "period_end"]), subscription: subscriptionId }),
  z.strictObject({ action: z.literal("change_seats"), subscription: subscriptionId, seats: z.number().int().min(1).max(10_000) }),
]);
export type DevBillingAction = z.infer<typeof devBillingActionSchema>;

const stateSchema = z.object({
  customers: z.array(z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() })),
  subscriptions: z.array(
    z.object({
      id: z.string(),
      customer: z.string(),
      status: z.string(),
      cancel_at_period_end: z.boolean(),
      trial_end: z.number().nullable(),
      items: z.object({ data: z.array(z.object({ quantity: z.number(), current_period_end: z.number() })) }),
    }),
  ),
  invoices: z.array(z.object({ id: z.string(), customer: z.string(), status: z.string(), amount_due: z.number(), number: z.string().nullable(), hosted_invoice_url: z.string().nullable(), created: z.number() })),
});
export type LocalStripeState = z.infer<typeof stateSchema>;

function controlUrl(path: string): string {
  if (!features.localStripe || !env.STRIPE_API_URL) throw new AppError("not_found", "There is no local Stripe stand-in on this server.");
  return new URL(path, env.STRIPE_API_URL).toString();
}

async function call(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(controlUrl(path), { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("unavailable", "The local Stripe stand-in did not answer: is `npm run dev` still running?");
  }
  const payload = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (res.status === 404) throw new AppError("not_found", payload?.error?.message ?? "Not found in the local Stripe stand-in.");
  if (!res.ok) throw new AppError("conflict", payload?.error?.message ?? `The local Stripe stand-in refused (${res.status}).`);
  return payload;
}

export async function localStripeState(): Promise<LocalStripeState> {
  return stateSchema.parse(await call("GET", "/_test/state"));
}

/** Triggers `input` in the stand-in, which delivers the resulting events to this app's webhook. */
export async function runDevBillingAction(input: DevBillingAction): Promise<{ events: string[] }> {
  const path = `/_test/subscriptions/${input.subscription}`;
  const request: [string, unknown] = (() => {
    switch (input.action) {
      case "fail_payment":
        return [`${path}/invoice`, { paid: false }];
      case "pay_invoice":
        return [`${path}/invoice`, { paid: true }];
      case "renew":
      case "period_end":
        return [`${path}/renew`, { paid: true }];
      case "trial_will_end":
        return [`${path}/trial-will-end`, {}];
      case "change_seats":
        return [`${path}/update`, { quantity: input.seats }];
    }
  })();
  const result = (await call("POST", ...request)) as { events?: { type?: string }[] };
  return { events: (result.events ?? []).map((e) => String(e.type)) };
}
