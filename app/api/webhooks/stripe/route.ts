import { NextResponse } from "next/server";
import Stripe from "stripe";
import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { requireStripe } from "@/lib/billing/stripe";
import { queueBillingNotices } from "@/lib/billing/notices";
import { applySubscription } from "@/lib/billing/sync";
import { eventSchema, subscriptionIdOf } from "@/lib/billing/webhook-event";
import { scoped } from "@/lib/db/tenant-transaction";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/** Stripe's events are a few KiB; anything far larger is not one. */
const MAX_EVENT_BYTES = 256 * 1024;

const tooLarge = () => new AppError("payload_too_large", `A Stripe event is at most ${MAX_EVENT_BYTES / 1024} KiB.`);

/** The subscription, or null when Stripe has no such object (deleted test data): nothing to apply. */
async function retrieveSubscription(stripe: Stripe, id: string): Promise<Stripe.Subscription | null> {
  try {
    return await stripe.subscriptions.retrieve(id);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing") return null;
    if (error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError) {
      throw new AppError("unavailable", "Stripe could not be reached to read the subscription; deliver the event again later.");
    }
    throw error;
  }
}

/**
 * Stripe's webhook endpoint. Not a withOrg/withPublic route: it has no session, and its
 * input is the raw body, which must reach the signature check byte for byte. Nothing is
 * written before the signature and the payload's shape have been checked.
 */
export const POST = apiRoute(async (req, _route, meta) => {
  const stripe = requireStripe();
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError("unavailable", "STRIPE_WEBHOOK_SECRET is not set.");
  if (Number(req.headers.get("content-length") ?? "0") > MAX_EVENT_BYTES) throw tooLarge();
  const payload = await req.text();
  if (Buffer.byteLength(payload) > MAX_EVENT_BYTES) throw tooLarge();
  const signature = req.headers.get("stripe-signature");
  if (!signature) throw new AppError("bad_request", "The Stripe-Signature header is missing.");

  let raw: unknown;
  try {
    raw = stripe.webhooks.constructEvent(payload, signature, secret);
  } catch {
    throw new AppError("bad_request", "The Stripe-Signature header does not match this body and the webhook secret, or is too old.");
  }
  const parsed = eventSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_request", "The event does not have the shape of a Stripe event.");
  const event = parsed.data;
  let subscriptionId: string | null;
  try {
    subscriptionId = subscriptionIdOf(event);
  } catch (error) {
    if (error instanceof z.ZodError) throw new AppError("bad_request", `The ${event.type} event's object does not have the expected shape.`);
    throw error;
  }

  // A redelivery of an event already applied costs one read and no call to Stripe.
  const seen = await scoped({}, (tx) => tx.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } }));
  if (seen) return NextResponse.json({ received: true, outcome: "duplicate" });

  // The current object, not the event's copy: events arrive late, twice and out of order. Read
  // before the transaction so no connection waits on Stripe; if Stripe is unreachable the
  // request fails with nothing recorded and Stripe delivers the event again later.
  const readAt = new Date();
  const subscription = subscriptionId ? await retrieveSubscription(stripe, subscriptionId) : null;

  const outcome = await scoped({}, async (tx) => {
    const inserted = await tx.$executeRaw`insert into stripe_events (id, type) values (${event.id}, ${event.type}) on conflict (id) do nothing`;
    // The same event delivered twice at once: the second insert waits for the first and finds it.
    if (inserted === 0) return "duplicate";
    const result = subscription ? await applySubscription(tx, subscription, readAt) : "ignored";
    if (subscription && result !== "unknown-customer") await queueBillingNotices(tx, event, subscription);
    await tx.stripeEvent.update({ where: { id: event.id }, data: { processedAt: new Date() } });
    return result;
  });
  if (outcome === "unknown-customer") log.warn("stripe event for a customer no org has", { requestId: meta.requestId, eventId: event.id, type: event.type });
  return NextResponse.json({ received: true, outcome });
});
