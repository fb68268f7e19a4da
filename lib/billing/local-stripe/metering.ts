import { z } from "zod";

/**
 * The local server's seat and usage side: seat changes with their proration (for tests to
 * assert), Billing meter events (`POST /v1/billing/meter_events`), and an outage switch under
 * which every API call fails the way Stripe does when it is down. Wired from server.ts.
 */

type Json = Record<string, unknown>;

export type Proration = { subscription: string; item: string; from: number; to: number; behavior: string; at: number };
export type MeterEvent = { object: "billing.meter_event"; created: number; event_name: string; identifier: string; livemode: false; payload: Record<string, string>; timestamp: number };
/** `error`: 500 api_error (the SDK raises StripeAPIError); `drop`: the connection is cut (StripeConnectionError). */
export type Outage = { on: boolean; mode: "error" | "drop" };

export const outageBody = z.object({ on: z.boolean(), mode: z.enum(["error", "drop"]).default("error") });

const DAY = 86_400;

export const meterEventForm = z.object({
  event_name: z.string().min(1).max(100),
  payload: z.record(z.string(), z.string()),
  identifier: z.string().min(1).max(100).optional(),
  timestamp: z.coerce.number().int().optional(),
});

/** Refusals are thrown as `[param, message]` for server.ts to turn into Stripe's error shape. */
export class MeterEventRefusal extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

export function createMetering(now: () => number) {
  const prorations: Proration[] = [];
  const meterEvents = new Map<string, MeterEvent>();
  const outage: Outage = { on: false, mode: "error" };

  return {
    prorations,
    outage,
    meterEvents: () => [...meterEvents.values()],

    /** Called by a subscription update for each item whose quantity it changes. */
    recordQuantityChange(subscription: string, item: string, from: number, to: number, behavior: string | undefined) {
      if (from !== to) prorations.push({ subscription, item, from, to, behavior: behavior ?? "create_prorations", at: now() });
    },

    /**
     * Like Stripe: the payload must name a known customer and carry a numeric value, the
     * timestamp must be within the past 35 days and at most 5 minutes ahead, and an identifier
     * seen before is the same event (answered again, not counted twice).
     */
    createMeterEvent(input: z.output<typeof meterEventForm>, customerExists: (id: string) => boolean, newIdentifier: () => string): MeterEvent {
      const customer = input.payload.stripe_customer_id;
      if (!customer) throw new MeterEventRefusal("payload[stripe_customer_id]", "Missing required param: payload[stripe_customer_id].");
      if (!customerExists(customer)) throw new MeterEventRefusal("payload[stripe_customer_id]", `No such customer: '${customer}'`);
      const value = input.payload.value;
      if (value === undefined || !/^-?\d+(\.\d+)?$/.test(value)) throw new MeterEventRefusal("payload[value]", "payload[value] must be a number.");
      const created = now();
      const timestamp = input.timestamp ?? created;
      if (timestamp < created - 35 * DAY || timestamp > created + 300) {
        throw new MeterEventRefusal("timestamp", "Timestamp must be within the past 35 calendar days and at most 5 minutes in the future.");
      }
      const identifier = input.identifier ?? newIdentifier();
      const seen = meterEvents.get(identifier);
      if (seen) return seen;
      const event: MeterEvent = { object: "billing.meter_event", created, event_name: input.event_name, identifier, livemode: false, payload: input.payload, timestamp };
      meterEvents.set(identifier, event);
      return event;
    },

    setOutage(body: Json) {
      Object.assign(outage, outageBody.parse(body));
      return { ...outage };
    },
  };
}
