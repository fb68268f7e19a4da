import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Stripe from "stripe";
import { z } from "zod";
import { DAY, type Json, missing, MONTH, newId, now, required, StripeFailure } from "./common";
import { createInvoiceBook } from "./invoices";
import { createLifecycle } from "./lifecycle";
import { type PageContext, servePage } from "./pages";
import { loadSnapshot, saveSnapshot } from "./persist";
import { createMetering, MeterEventRefusal, meterEventForm } from "./metering";

/**
 * A local stand-in for the parts of Stripe's API the app calls, speaking its wire format:
 * form-encoded requests (`a[b][0][c]=…`) with `Authorization: Bearer <key>`, JSON objects
 * shaped as API version 2026-10-28 returns them, errors as `{ error: { type, code, message } }`,
 * and idempotency keys replayed like Stripe does.
 *
 * Besides the API (`/v1/…`) it has a test-control API (`/_test/…`, JSON) that does what a
 * customer or Stripe itself would: complete a checkout, change or end a subscription, and
 * deliver events to the app's webhook signed with the SDK's own test-header helper.
 * It also serves the pages a customer would see on Stripe (pages.ts: Checkout, the portal,
 * hosted invoices). This file is the wiring: invoices.ts, lifecycle.ts and pages.ts hold the rest.
 */

export const FAKE_STRIPE_API_VERSION = "2026-10-28.endive";

/** `name` is the plan name the checkout page shows (in the price's metadata, as a dashboard user would put it). */
type Price = { id: string; unitAmount: number; name?: string };
type Delivery = { eventId: string; type: string; status: number; body: unknown };

export type FakeStripe = {
  /** For STRIPE_API_URL. */
  url: string;
  secretKey: string;
  webhookSecret: string;
  prices: Price[];
  /** Where events are delivered; set once the app is listening. */
  setWebhookUrl(url: string): void;
  stop(): Promise<void>;
};

/** Stripe's form encoding (`items[0][price]=x&metadata[orgId]=y`) back into nested objects and arrays. */
export function parseForm(text: string): Json {
  const root: Json = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.split(/\[|\]\[|\]/).filter((part, i) => i === 0 || part !== "");
    let node: Json | unknown[] = root;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[i + 1]!);
      const slot = Array.isArray(node) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) container[slot] = value;
      else container[slot] ??= nextIsIndex ? [] : {};
      node = container[slot] as Json | unknown[];
    });
  }
  return root;
}

const formSchemas = {
  customer: z.object({ name: z.string().optional(), email: z.string().optional(), metadata: z.record(z.string(), z.string()).optional() }),
  checkout: z.object({
    mode: z.literal("subscription", { message: "mode must be subscription" }),
    customer: z.string(),
    success_url: z.string().url(),
    cancel_url: z.string().url(),
    client_reference_id: z.string().optional(),
    line_items: z.array(z.object({ price: z.string(), quantity: z.coerce.number().int().min(1) })).length(1),
    subscription_data: z.object({ trial_period_days: z.coerce.number().int().min(1).optional(), metadata: z.record(z.string(), z.string()).optional() }).optional(),
    metadata: z.record(z.string(), z.string()).optional(),
  }),
  portal: z.object({ customer: z.string(), return_url: z.string().url().optional() }),
  invoicePreview: z.object({ customer: z.string(), subscription: z.string() }),
  subscriptionUpdate: z.object({
    items: z.array(z.object({ id: z.string(), quantity: z.coerce.number().int().min(0).optional() })).optional(),
    cancel_at_period_end: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
    proration_behavior: z.enum(["create_prorations", "none", "always_invoice"]).optional(),
    metadata: z.record(z.string(), z.string()).optional(),
  }),
};

function parse<S extends z.ZodType>(schema: S, body: Json): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const param = issue.path.map((p, i) => (i === 0 ? String(p) : `[${String(p)}]`)).join("");
  if (issue.code === "invalid_type" && issue.input === undefined) throw required(param);
  throw new StripeFailure(400, "invalid_request_error", `Invalid ${param}: ${issue.message}`, "parameter_invalid", param);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "request-id": newId("req") });
  res.end(JSON.stringify(body));
}

export type StartOptions = {
  prices?: Price[];
  /** Named on the portal's "Return to …" link. */
  appName?: string;
  /** Keeps the objects in this JSON file across restarts (the dev server; tests start empty). */
  stateFile?: string;
};

export async function start(options: StartOptions = {}): Promise<FakeStripe> {
  const secretKey = `sk_test_fake${randomBytes(12).toString("hex")}`;
  const webhookSecret = `whsec_fake${randomBytes(16).toString("hex")}`;
  const prices = options.prices ?? [{ id: "price_fake_pro_seat", unitAmount: 1200, name: "Pro" }];
  const signer = new Stripe(secretKey);
  let webhookUrl: string | undefined;
  let baseUrl = "";

  const customers = new Map<string, Json>();
  const checkoutSessions = new Map<string, Json>();
  const portalSessions = new Map<string, Json>();
  const subscriptions = new Map<string, Json>();
  const events = new Map<string, Json>();
  const invoices = createInvoiceBook(() => baseUrl, (id) => customers.get(id));
  /** Idempotency-Key → the first answer, replayed for a retry like Stripe does. */
  const idempotent = new Map<string, { status: number; body: unknown }>();
  const metering = createMetering(now);

  function priceObject(id: string): Json {
    const price = prices.find((p) => p.id === id);
    if (!price) throw missing("price", id);
    return {
      id: price.id,
      object: "price",
      active: true,
      currency: "usd",
      unit_amount: price.unitAmount,
      unit_amount_decimal: String(price.unitAmount),
      billing_scheme: "per_unit",
      type: "recurring",
      recurring: { interval: "month", interval_count: 1, usage_type: "licensed", meter: null },
      product: `prod_${price.id}`,
      livemode: false,
      metadata: price.name ? { name: price.name } : {},
    };
  }

  function getCustomer(id: string): Json {
    const customer = customers.get(id);
    if (!customer) throw missing("customer", id);
    return customer;
  }

  function getSubscription(id: string): Json {
    const subscription = subscriptions.get(id);
    if (!subscription) throw missing("subscription", id);
    return subscription;
  }

  /** The event as Stripe would send it: a snapshot of the object when the event happened. */
  function emit(type: string, object: Json, previous?: Json): Json {
    const event: Json = {
      id: newId("evt"),
      object: "event",
      api_version: FAKE_STRIPE_API_VERSION,
      created: now(),
      data: { object: structuredClone(object), ...(previous ? { previous_attributes: previous } : {}) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    events.set(event.id as string, event);
    return event;
  }

  async function deliver(eventId: string, override: { secret?: string; timestamp?: number } = {}): Promise<Delivery> {
    const event = events.get(eventId);
    if (!event) throw missing("event", eventId);
    if (!webhookUrl) throw new StripeFailure(409, "invalid_request_error", "No webhook endpoint is set.");
    const payload = JSON.stringify(event, null, 2);
    const header = signer.webhooks.generateTestHeaderString({ payload, secret: override.secret ?? webhookSecret, timestamp: override.timestamp });
    const response = await fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": header }, body: payload });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text for the test to read
    }
    return { eventId, type: String(event.type), status: response.status, body };
  }

  async function deliverAll(list: Json[], shouldDeliver: boolean): Promise<Delivery[]> {
    const deliveries: Delivery[] = [];
    if (!shouldDeliver) return deliveries;
    for (const event of list) deliveries.push(await deliver(String(event.id)));
    return deliveries;
  }

  function createSubscription(session: Json): Json {
    const created = now();
    const request = session._request as z.output<typeof formSchemas.checkout>;
    const trialDays = request.subscription_data?.trial_period_days;
    const trialEnd = trialDays ? created + trialDays * DAY : null;
    const id = newId("sub");
    const line = request.line_items[0]!;
    const subscription: Json = {
      id,
      object: "subscription",
      application: null,
      billing_cycle_anchor: trialEnd ?? created,
      cancel_at: null,
      cancel_at_period_end: false,
      canceled_at: null,
      collection_method: "charge_automatically",
      created,
      currency: "usd",
      customer: request.customer,
      default_payment_method: `pm_${id}`,
      ended_at: null,
      items: {
        object: "list",
        data: [
          {
            id: newId("si"),
            object: "subscription_item",
            created,
            current_period_start: created,
            current_period_end: trialEnd ?? created + MONTH,
            metadata: {},
            price: priceObject(line.price),
            quantity: line.quantity,
            subscription: id,
          },
        ],
        has_more: false,
        url: `/v1/subscription_items?subscription=${id}`,
      },
      latest_invoice: null,
      livemode: false,
      metadata: request.subscription_data?.metadata ?? {},
      start_date: created,
      status: trialEnd ? "trialing" : "active",
      trial_end: trialEnd,
      trial_start: trialEnd ? created : null,
    };
    subscriptions.set(id, subscription);
    return subscription;
  }

  /** `/v1/invoices…`: the list, one invoice, and the preview of the next one. */
  function invoiceApi(method: string, path: string, body: Json, query: URLSearchParams): Json | undefined {
    if (method === "GET" && path === "/v1/invoices") return invoices.list(query);
    if (method === "POST" && path === "/v1/invoices/create_preview") {
      const input = parse(formSchemas.invoicePreview, body);
      getCustomer(input.customer);
      const subscription = getSubscription(input.subscription);
      if (subscription.customer !== input.customer) throw new StripeFailure(400, "invalid_request_error", `Subscription ${input.subscription} does not belong to customer ${input.customer}.`, "parameter_invalid", "subscription");
      return invoices.preview(subscription);
    }
    const match = /^\/v1\/invoices\/([^/]+)$/.exec(path);
    if (method === "GET" && match) return invoices.get(match[1]!);
    return undefined;
  }

  async function api(method: string, path: string, body: Json, query: URLSearchParams): Promise<unknown> {
    let match: RegExpExecArray | null;
    if (method === "POST" && path === "/v1/customers") {
      const input = parse(formSchemas.customer, body);
      const customer: Json = { id: newId("cus"), object: "customer", created: now(), email: input.email ?? null, name: input.name ?? null, metadata: input.metadata ?? {}, livemode: false };
      customers.set(customer.id as string, customer);
      return customer;
    }
    if (method === "GET" && (match = /^\/v1\/customers\/([^/]+)$/.exec(path))) return getCustomer(match[1]!);
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const input = parse(formSchemas.checkout, body);
      getCustomer(input.customer);
      const line = input.line_items[0]!;
      priceObject(line.price);
      const id = newId("cs_test");
      const session: Json = {
        id,
        object: "checkout.session",
        mode: "subscription",
        status: "open",
        payment_status: "unpaid",
        customer: input.customer,
        client_reference_id: input.client_reference_id ?? null,
        metadata: input.metadata ?? {},
        subscription: null,
        success_url: input.success_url,
        cancel_url: input.cancel_url,
        url: `${baseUrl}/checkout/${id}`,
        created: now(),
        expires_at: now() + DAY,
        livemode: false,
        amount_total: line.quantity * Number(priceObject(line.price).unit_amount),
        currency: "usd",
      };
      checkoutSessions.set(id, { ...session, _request: input });
      return session;
    }
    if (method === "POST" && path === "/v1/billing_portal/sessions") {
      const input = parse(formSchemas.portal, body);
      getCustomer(input.customer);
      const id = newId("bps");
      const session: Json = { id, object: "billing_portal.session", customer: input.customer, return_url: input.return_url ?? null, url: `${baseUrl}/portal/${id}`, created: now(), livemode: false, configuration: "bpc_fake", locale: null, on_behalf_of: null, flow: null };
      portalSessions.set(id, session);
      return session;
    }
    if (method === "GET" && path === "/v1/subscriptions") {
      const customer = query.get("customer");
      const status = query.get("status");
      const data = [...subscriptions.values()]
        .filter((s) => !customer || s.customer === customer)
        .filter((s) => (status === "all" ? true : status ? s.status === status : s.status !== "canceled"));
      return { object: "list", data, has_more: false, url: "/v1/subscriptions" };
    }
    if ((match = /^\/v1\/subscriptions\/([^/]+)$/.exec(path))) {
      const subscription = getSubscription(match[1]!);
      if (method === "GET") return subscription;
      if (method === "POST") {
        const input = parse(formSchemas.subscriptionUpdate, body);
        if (subscription.status === "canceled") throw new StripeFailure(400, "invalid_request_error", "A canceled subscription can only update its cancellation_details and metadata.");
        for (const change of input.items ?? []) {
          const item = (subscription.items as { data: Json[] }).data.find((i) => i.id === change.id);
          if (!item) throw missing("subscription_item", change.id);
          if (change.quantity === undefined) continue;
          const from = Number(item.quantity);
          item.quantity = change.quantity;
          const behavior = input.proration_behavior ?? "create_prorations";
          metering.recordQuantityChange(String(subscription.id), change.id, from, change.quantity, behavior);
          if (behavior !== "none") {
            const invoice = invoices.prorate(subscription, from, change.quantity, behavior);
            if (invoice) emit("invoice.paid", invoice);
          }
        }
        if (input.cancel_at_period_end !== undefined) subscription.cancel_at_period_end = input.cancel_at_period_end;
        if (input.metadata) subscription.metadata = { ...(subscription.metadata as Json), ...input.metadata };
        emit("customer.subscription.updated", subscription);
        return subscription;
      }
    }
    if (method === "POST" && path === "/v1/billing/meter_events") {
      try {
        return metering.createMeterEvent(parse(meterEventForm, body), (id) => customers.has(id), () => newId("mev"));
      } catch (error) {
        if (error instanceof MeterEventRefusal) throw new StripeFailure(400, "invalid_request_error", error.message, "parameter_invalid", error.param);
        throw error;
      }
    }
    const invoiceResult = invoiceApi(method, path, body, query);
    if (invoiceResult) return invoiceResult;
    throw new StripeFailure(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}).`);
  }

  const control = {
    /** Does what a customer paying on the checkout page does: Stripe creates the subscription. */
    async completeCheckout(id: string, deliverEvents: boolean) {
      const session = checkoutSessions.get(id);
      if (!session) throw missing("checkout.session", id);
      if (session.status !== "open") throw new StripeFailure(400, "invalid_request_error", `Checkout session ${id} is ${String(session.status)}.`);
      const subscription = createSubscription(session);
      Object.assign(session, { status: "complete", payment_status: subscription.status === "trialing" ? "no_payment_required" : "paid", subscription: subscription.id });
      const { _request: _, ...publicSession } = session;
      const invoice = invoices.first(subscription);
      const list = [emit("checkout.session.completed", publicSession), emit("customer.subscription.created", subscription)];
      if (subscription.status === "active") list.push(emit("invoice.paid", invoice));
      return { subscription, events: list, deliveries: await deliverAll(list, deliverEvents) };
    },
    /** A change made in the portal or the dashboard. */
    async updateSubscription(id: string, change: { quantity?: number; status?: string; cancel_at_period_end?: boolean }, deliverEvents: boolean) {
      const subscription = getSubscription(id);
      const previous: Json = {};
      const item = (subscription.items as { data: Json[] }).data[0]!;
      if (change.quantity !== undefined) {
        [previous.quantity, item.quantity] = [item.quantity, change.quantity];
        // As in the portal: the change is prorated onto the next invoice.
        invoices.prorate(subscription, Number(previous.quantity), change.quantity, "create_prorations");
      }
      if (change.status !== undefined) [previous.status, subscription.status] = [subscription.status, change.status];
      if (change.cancel_at_period_end !== undefined) [previous.cancel_at_period_end, subscription.cancel_at_period_end] = [subscription.cancel_at_period_end, change.cancel_at_period_end];
      const list = [emit("customer.subscription.updated", subscription, previous)];
      return { subscription, events: list, deliveries: await deliverAll(list, deliverEvents) };
    },
    /** The subscription ends (cancelled now, or its period ended after cancel_at_period_end). */
    async deleteSubscription(id: string, deliverEvents: boolean) {
      const { subscription, events: list } = lifecycle.end(getSubscription(id));
      return { subscription, events: list, deliveries: await deliverAll(list, deliverEvents) };
    },
    /** A payment for the current period: fails (past_due), or pays the open invoice (active again). */
    async invoice(id: string, paid: boolean, deliverEvents: boolean) {
      const { subscription, events: list } = lifecycle.charge(id, paid);
      return { subscription, events: list, deliveries: await deliverAll(list, deliverEvents) };
    },
  };

  const lifecycle = createLifecycle({ getSubscription, invoices, emit });

  const pageContext: PageContext = {
    checkoutSession: (id) => checkoutSessions.get(id),
    portalSession: (id) => portalSessions.get(id),
    customer: getCustomer,
    price: priceObject,
    subscriptionsOf: (customer) => [...subscriptions.values()].filter((s) => s.customer === customer),
    invoicesOf: (customer) => invoices.list(new URLSearchParams({ customer, limit: "100" })).data as Json[],
    invoice: (id) => invoices.get(id),
    completeCheckout: (id) => control.completeCheckout(id, true),
    setCancelAtPeriodEnd: (id, cancel) => control.updateSubscription(id, { cancel_at_period_end: cancel }, true),
    updateEmail: async (id, email) => {
      const customer = getCustomer(id);
      const previous = { email: customer.email };
      customer.email = email;
      await deliverAll([emit("customer.updated", customer, previous)], true);
    },
    payInvoice: async (id) => step(lifecycle.payInvoice(id), true),
    appName: options.appName ?? "the app",
  };
  /** Runs one lifecycle step and delivers its events, as Stripe would right after. */
  async function step(outcome: { subscription: Json; events: Json[] }, deliverEvents: boolean) {
    return { ...outcome, deliveries: await deliverAll(outcome.events, deliverEvents) };
  }

  const controlBody = z.object({
    deliver: z.boolean().default(true),
    quantity: z.number().int().min(0).optional(),
    status: z.string().optional(),
    cancel_at_period_end: z.boolean().optional(),
    paid: z.boolean().default(true),
    secret: z.string().optional(),
    timestamp: z.number().int().optional(),
  });

  async function testControl(method: string, path: string, text: string): Promise<unknown> {
    if (method === "POST" && path === "/_test/outage") return metering.setOutage(text ? JSON.parse(text) : {});
    const body = controlBody.parse(text ? JSON.parse(text) : {});
    let match: RegExpExecArray | null;
    if (method === "GET" && path === "/_test/state") {
      return {
        customers: [...customers.values()],
        checkoutSessions: [...checkoutSessions.values()].map(({ _request, ...s }) => ({ ...s, request: _request })),
        portalSessions: [...portalSessions.values()],
        subscriptions: [...subscriptions.values()],
        invoices: invoices.all(),
        prorations: metering.prorations,
        meterEvents: metering.meterEvents(),
        outage: metering.outage,
      };
    }
    if (method === "POST" && (match = /^\/_test\/subscriptions\/([^/]+)\/renew$/.exec(path))) return step(lifecycle.renew(match[1]!, body.paid), body.deliver);
    if (method === "POST" && (match = /^\/_test\/subscriptions\/([^/]+)\/trial-will-end$/.exec(path))) return step(lifecycle.trialWillEnd(match[1]!), body.deliver);
    if (method === "POST" && (match = /^\/_test\/invoices\/([^/]+)\/pay$/.exec(path))) return step(lifecycle.payInvoice(match[1]!), body.deliver);
    if (method === "POST" && (match = /^\/_test\/checkout\/([^/]+)\/complete$/.exec(path))) return control.completeCheckout(match[1]!, body.deliver);
    if (method === "POST" && (match = /^\/_test\/subscriptions\/([^/]+)\/update$/.exec(path))) return control.updateSubscription(match[1]!, body, body.deliver);
    if (method === "POST" && (match = /^\/_test\/subscriptions\/([^/]+)\/delete$/.exec(path))) return control.deleteSubscription(match[1]!, body.deliver);
    if (method === "POST" && (match = /^\/_test\/subscriptions\/([^/]+)\/invoice$/.exec(path))) return control.invoice(match[1]!, body.paid, body.deliver);
    if (method === "POST" && (match = /^\/_test\/events\/([^/]+)\/deliver$/.exec(path))) return deliver(match[1]!, body);
    throw new StripeFailure(404, "invalid_request_error", `Unrecognized test-control URL (${method}: ${path}).`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    const text = await readBody(req);
    if (url.pathname.startsWith("/_test/")) return reply(res, 200, await testControl(method, url.pathname, text));
    if (await servePage(pageContext, method, url, text, res, req.headers.origin, req.headers.host)) return;
    if (metering.outage.on && metering.outage.mode === "drop") return void req.socket.destroy();
    if (metering.outage.on) throw new StripeFailure(500, "api_error", "Stripe is unavailable (outage switched on at /_test/outage).");

    const key = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!key) throw new StripeFailure(401, "invalid_request_error", "You did not provide an API key.");
    if (key !== secretKey) throw new StripeFailure(401, "invalid_request_error", `Invalid API Key provided: ${key.slice(0, 8)}…`);

    const idempotencyKey = method === "POST" ? req.headers["idempotency-key"] : undefined;
    const replay = typeof idempotencyKey === "string" ? idempotent.get(idempotencyKey) : undefined;
    if (replay) {
      res.setHeader("idempotent-replayed", "true");
      return reply(res, replay.status, replay.body);
    }
    const result = await api(method, url.pathname, method === "POST" ? parseForm(text) : {}, url.searchParams);
    if (typeof idempotencyKey === "string") idempotent.set(idempotencyKey, { status: 200, body: result });
    return reply(res, 200, result);
  }

  const stored = { customers, checkoutSessions, portalSessions, subscriptions, events };
  const save = () => {
    if (!options.stateFile) return;
    const maps = Object.fromEntries(Object.entries(stored).map(([name, map]) => [name, [...map.entries()]]));
    saveSnapshot(options.stateFile, { baseUrl, maps, invoices: invoices.snapshot() });
  };

  function replyError(res: ServerResponse, cause: unknown) {
    if (cause instanceof StripeFailure) {
      return reply(res, cause.status, { error: { type: cause.type, message: cause.message, ...(cause.code ? { code: cause.code } : {}), ...(cause.param ? { param: cause.param } : {}) } });
    }
    if (cause instanceof z.ZodError || cause instanceof SyntaxError) return reply(res, 400, { error: { type: "invalid_request_error", message: String(cause) } });
    return reply(res, 500, { error: { type: "api_error", message: String(cause) } });
  }

  const server = createServer((req, res) => {
    handle(req, res)
      .catch((cause: unknown) => replyError(res, cause))
      .then(() => req.method !== "GET" && save())
      .catch((cause: unknown) => console.error("local Stripe stand-in: could not save its state", cause));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("fake Stripe server is not listening on TCP");
  baseUrl = `http://127.0.0.1:${address.port}`;
  const snapshot = options.stateFile ? loadSnapshot(options.stateFile, baseUrl) : null;
  if (snapshot) {
    for (const [name, map] of Object.entries(stored)) for (const [id, value] of snapshot.maps[name] ?? []) map.set(id, value);
    invoices.restore(snapshot.invoices as Parameters<typeof invoices.restore>[0]);
  }

  return {
    url: baseUrl,
    secretKey,
    webhookSecret,
    prices,
    setWebhookUrl: (url) => void (webhookUrl = url),
    stop: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
