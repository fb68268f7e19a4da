import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { importWithEnv } from "@/tests/support/import-with-env";

afterEach(() => vi.unstubAllEnvs());

const configured = { STRIPE_SECRET_KEY: "sk_test_unit", STRIPE_WEBHOOK_SECRET: "whsec_unit", STRIPE_PRICE_PRO: "price_unit" };

describe("the Stripe client", () => {
  it("is null without billing configured, and billing routes say what to set", async () => {
    const billing = await importWithEnv({ STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "" }, () => import("./stripe"));
    expect(billing.stripe).toBeNull();
    expect(() => billing.requireStripe()).toThrow(/STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_PRICE_PRO/);

    const { POST } = await importWithEnv({ STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "" }, () => import("@/app/api/webhooks/stripe/route"));
    const res = await POST(new NextRequest("http://localhost/api/webhooks/stripe", { method: "POST", body: "{}" }), { params: Promise.resolve(undefined) });
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it("sends requests to STRIPE_API_URL's host, port and protocol, with the pinned API version", async () => {
    const { stripe, STRIPE_API_VERSION } = await importWithEnv({ ...configured, STRIPE_API_URL: "http://127.0.0.1:12111" }, () => import("./stripe"));
    expect(stripe?.getApiField("host")).toBe("127.0.0.1");
    expect(stripe?.getApiField("port")).toBe(12111);
    expect(stripe?.getApiField("protocol")).toBe("http");
    expect(stripe?.getApiField("version")).toBe(STRIPE_API_VERSION);
  });

  it("talks to api.stripe.com over HTTPS when STRIPE_API_URL is unset", async () => {
    const { stripe } = await importWithEnv({ ...configured, STRIPE_API_URL: "" }, () => import("./stripe"));
    expect(stripe?.getApiField("host")).toBe("api.stripe.com");
    expect(stripe?.getApiField("protocol")).toBe("https");
  });
});
