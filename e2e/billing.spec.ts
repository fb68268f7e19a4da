import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./support/test";
import { SignInPage } from "./pages/auth-pages";
import { endGracePeriod } from "./support/database";
import { snap } from "./support/screenshot";

/**
 * The org's billing page as an admin lives it: upgrade through Checkout (the local Stripe
 * stand-in's page), a failed payment, the org turning read-only, and the payment that
 * restores it. Its own org, so the demo org other specs count seats in stays on Free.
 */

const stamp = Date.now().toString(36);

async function newOrg(page: Page, name: string): Promise<string> {
  const res = await page.request.post("/api/v1/orgs", { data: { name } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { slug: string }).slug;
}

/** Light and dark on a desktop, then light on a phone. */
async function shootEverywhere(page: Page, testInfo: TestInfo, name: string) {
  const size = page.viewportSize();
  await page.emulateMedia({ colorScheme: "light" });
  await snap(page, testInfo, name);
  await page.emulateMedia({ colorScheme: "dark" });
  await snap(page, testInfo, `${name}-dark`);
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, testInfo, `${name}-phone`);
  if (size) await page.setViewportSize(size);
}

/** Does what Stripe would, through the dev-only page (the local stand-in's control API). */
async function triggerInStripe(page: Page, orgName: string, button: string, expectStatus: RegExp) {
  await page.goto("/dev/billing");
  const org = page.getByTestId("dev-billing-org").filter({ hasText: orgName });
  await org.getByRole("button", { name: button }).click();
  await expect(org).toContainText(expectStatus);
}

test("an owner upgrades through Checkout, sees plan and seats, then lives through a failed payment and read-only", async ({ page }, testInfo) => {
  await new SignInPage(page).signInWithPassword("owner@acme.test", "tenantkit-demo");
  const orgName = `Upgrade ${stamp}`;
  const slug = await newOrg(page, orgName);

  await page.goto(`/dashboard/${slug}/billing`);
  await expect(page.getByRole("heading", { name: "Free plan" })).toBeVisible();
  await page.getByRole("button", { name: "Upgrade to Pro" }).click();

  // Stripe's hosted checkout, as the local stand-in serves it.
  await expect(page.getByRole("button", { name: "Subscribe" })).toBeVisible();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await page.waitForURL(`**/dashboard/${slug}/billing?checkout=success`);
  const plan = page.getByRole("region", { name: /Pro plan/ });
  await expect(plan).toContainText("Trial");
  await expect(plan).toContainText("1 in use · 1 paid");
  await expect(page.getByText("Thank you: the subscription is active")).toBeVisible();
  await shootEverywhere(page, testInfo, "billing-page");

  // The trial converts, then a renewal fails: admins are warned, writes still work.
  await triggerInStripe(page, orgName, "End the trial (paid)", /active/);
  await triggerInStripe(page, orgName, "Fail a payment", /past due/);
  await page.goto(`/dashboard/${slug}/billing`);
  await expect(page.getByText("A payment failed")).toBeVisible();
  await expect(page.getByRole("region", { name: /Pro plan/ })).toContainText("Payment overdue");
  await snap(page, testInfo, "billing-payment-failed");
  await page.goto(`/dashboard/${slug}/projects`);
  await expect(page.getByRole("button", { name: "New project" })).toBeEnabled();

  // The grace period runs out: every write control is disabled and says why.
  await endGracePeriod(slug);
  await page.goto(`/dashboard/${slug}/projects`);
  const notice = page.getByText(`${orgName} is read-only: a payment is overdue`);
  await expect(notice).toBeVisible();
  await expect(page.getByRole("button", { name: "New project" })).toBeDisabled();
  await snap(page, testInfo, "read-only-projects");
  await page.goto(`/dashboard/${slug}/settings`);
  await page.getByLabel("Name").fill(`${orgName} renamed`);
  await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
  await page.goto(`/dashboard/${slug}/members`);
  await expect(page.getByRole("button", { name: "Invite people" }).first()).toBeDisabled();

  // Paying lifts it at once.
  await triggerInStripe(page, orgName, "Pay the open invoice", /active/);
  await page.goto(`/dashboard/${slug}/projects`);
  await expect(page.getByText(/is read-only/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New project" })).toBeEnabled();
});

test("a member sees no billing controls", async ({ page }) => {
  await new SignInPage(page).signInWithPassword("member@acme.test", "tenantkit-demo");
  await page.goto("/dashboard/acme/projects");
  await expect(page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Billing" })).toHaveCount(0);
  await page.goto("/dashboard/acme/billing");
  await expect(page.getByText("Owners and admins manage the plan, seats and invoices.")).toBeVisible();
  for (const name of [/Upgrade/, /Cancel subscription/, /Payment methods/]) await expect(page.getByRole("button", { name })).toHaveCount(0);
});

test("an owner near a plan limit sees it above the org's pages, with the way to more room", async ({ page }) => {
  await new SignInPage(page).signInWithPassword("owner@acme.test", "tenantkit-demo");
  const orgName = `Near limit ${stamp}`;
  const slug = await newOrg(page, orgName);
  // 40 of the Free plan's 50 projects: past the 80% mark.
  for (let i = 1; i <= 40; i++) {
    const res = await page.request.post(`/api/v1/orgs/${slug}/projects`, { data: { name: `Project ${i}` } });
    expect(res.status()).toBe(201);
  }
  await page.goto(`/dashboard/${slug}/projects`);
  const banner = page.getByText(`${orgName} is close to its Free plan's limits`);
  await expect(banner).toBeVisible();
  await expect(page.getByText("40 of 50 projects")).toBeVisible();
  await page.getByRole("link", { name: "Manage plan" }).click();
  await page.waitForURL(`**/dashboard/${slug}/billing`);
});
