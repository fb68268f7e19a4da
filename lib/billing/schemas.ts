import { z } from "zod";
import { FEATURES, LIMITS, PLAN_IDS, type Feature } from "./plans";

export const checkoutSchema = z.strictObject({ plan: z.enum(PLAN_IDS) });
export type CheckoutInput = z.infer<typeof checkoutSchema>;

/** Where to send the browser: a Stripe Checkout or Customer Portal page. */
export const redirectUrlSchema = z.object({ url: z.url() });

const instant = z.iso.datetime();

/** The org's billing state as the app knows it (kept in step with Stripe by the webhook). Dates are ISO strings. */
export const billingStateSchema = z.object({
  /** Whether Stripe keys are set on this deployment. */
  configured: z.boolean(),
  plan: z.string(),
  seatsPaid: z.number().int().nullable(),
  seatsInUse: z.number().int(),
  hasCustomer: z.boolean(),
  /** Set while a payment is overdue: writes stop at this moment unless it is paid. */
  graceEndsAt: instant.nullable(),
  readOnly: z.boolean(),
  subscription: z
    .object({
      /** Stripe's status: trialing, active, past_due, unpaid, canceled, incomplete, incomplete_expired, paused. */
      status: z.string(),
      /** The subscription's plan applies (trialing, active, or overdue while dunning runs). */
      entitled: z.boolean(),
      plan: z.string(),
      seatsPaid: z.number().int(),
      currentPeriodEnd: instant.nullable(),
      cancelAtPeriodEnd: z.boolean(),
      trialEnd: instant.nullable(),
      paymentFailedAt: instant.nullable(),
    })
    .nullable(),
});

export const limitUsageSchema = z.object({
  limit: z.enum(LIMITS),
  used: z.number().int(),
  /** null: unlimited. */
  max: z.number().int().nullable(),
  /** used / max; null when unlimited or not part of the plan at all (max 0). */
  ratio: z.number().nullable(),
  /** At or past the warning share of the limit. */
  warning: z.boolean(),
  /** Nothing more can be added. */
  reached: z.boolean(),
});

export const orgUsageSchema = z.object({
  plan: z.object({ id: z.enum(PLAN_IDS), name: z.string() }),
  limits: z.array(limitUsageSchema),
  features: z.object(Object.fromEntries(FEATURES.map((f) => [f, z.boolean()])) as Record<Feature, z.ZodBoolean>),
  /** Some limit is at or past the warning ratio. */
  warning: z.boolean(),
  /** Where to upgrade or buy seats (a path in this app). */
  upgradeUrl: z.string(),
});

export type LimitUsage = z.infer<typeof limitUsageSchema>;
export type OrgUsage = z.infer<typeof orgUsageSchema>;
