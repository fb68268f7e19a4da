import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { SignInPage } from "./pages/auth-pages";
import { snap } from "./support/screenshot";

/**
 * Billing clicked through offline, as a founder does under `npm run dev` without Stripe keys:
 * the stand-in's checkout and portal pages, then /dev/billing triggering a failed payment and
 * its payment. Its own org, so the demo org the other specs count seats in stays on Free.
 */

const stamp = Date.now().toString(36);

async function newOrg(page: Page): Promise<string> {
  const res = await page.request.post("/api/v1/orgs", { data: { name: `Billing ${stamp}` } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { slug: string }).slug;
}

async function shoot(page: Page, testInfo: Parameters<typeof snap>[1], name: string) {
  await page.emulateMedia({ colorScheme: "light" });
  await snap(page, testInfo, name);
  await page.emulateMedia({ colorScheme: "dark" });
  await snap(page, testInfo, `${name}-dark`);
  await page.emulateMedia({ colorScheme: "light" });
}

test("an owner subscribes on the stand-in's checkout, manages it in its portal, and triggers a failed payment", async ({ page }, testInfo) => {
  await new SignInPage(page).signInWithPassword("owner@acme.test", "tenantkit-demo");
  const slug = await newOrg(page);

  await page.goto("/pricing");
  await expect(page.getByTestId("billing-test-mode")).toContainText("Test mode");

  const checkout = await page.request.post(`/api/v1/orgs/${slug}/billing/checkout`, { data: { plan: "pro" } });
  expect(checkout.status()).toBe(200);
  await page.goto(((await checkout.json()) as { url: string }).url);
  await expect(page.getByRole("note")).toHaveText("Test mode — local Stripe stand-in, no real money");
  await expect(page.getByRole("heading", { name: "Pro" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back" })).toBeVisible();
  await shoot(page, testInfo, "stripe-checkout");
  await page.getByRole("button", { name: "Subscribe" }).click();
  await page.waitForURL(`**/dashboard/${slug}/billing?checkout=success`);

  const billing = await page.request.get(`/api/v1/orgs/${slug}/billing`);
  expect(await billing.json()).toMatchObject({ plan: "pro", subscription: { status: "trialing" } });

  const portal = await page.request.post(`/api/v1/orgs/${slug}/billing/portal`);
  await page.goto(((await portal.json()) as { url: string }).url);
  await expect(page.getByRole("heading", { name: "Current plan: Pro" })).toBeVisible();
  await shoot(page, testInfo, "stripe-portal");
  await page.getByRole("button", { name: "Cancel at period end" }).click();
  await expect(page.getByRole("button", { name: "Resume subscription" })).toBeVisible();
  await page.getByRole("button", { name: "Resume subscription" }).click();
  await expect(page.getByRole("button", { name: "Cancel at period end" })).toBeVisible();

  await page.goto("/dev/billing");
  const org = page.getByTestId("dev-billing-org").filter({ hasText: `Billing ${stamp}` });
  await expect(org).toContainText("trialing");
  await org.getByRole("button", { name: "End the trial (paid)" }).click();
  await expect(org.getByRole("status")).toContainText("invoice.paid");
  await expect(org).toContainText("active");
  await org.getByRole("button", { name: "Fail a payment" }).click();
  await expect(org).toContainText("past due");
  await snap(page, testInfo, "dev-billing");
  await org.getByRole("button", { name: "Pay the open invoice" }).click();
  await expect(org.getByRole("status")).toContainText("Payment: sent invoice.paid");
  await expect(org).toContainText("active");
  const after = await page.request.get(`/api/v1/orgs/${slug}/billing`);
  expect(await after.json()).toMatchObject({ plan: "pro", subscription: { status: "active" } });
});
