import { expect, test } from "./support/test";
import { SignInPage } from "./pages/auth-pages";
import { setOrgPlan } from "./support/database";
import { snap } from "./support/screenshot";

const stamp = Date.now().toString(36);

test("an owner creates an API key, sees it once, uses it from code, and revokes it", async ({ browser, baseURL }, testInfo) => {
  const page = await (await browser.newContext({ colorScheme: "light" })).newPage();
  await new SignInPage(page).signInWithPassword("owner@acme.test", "tenantkit-demo");

  // Acme (the demo org) is on Free, which has no API access; an org of its own, put on Pro,
  // leaves the demo data as the other specs expect it.
  const created = await page.request.post("/api/v1/orgs", { data: { name: `Integrations ${stamp}` } });
  expect(created.status()).toBe(201);
  const { slug } = (await created.json()) as { slug: string };
  await setOrgPlan(slug, "pro");

  await page.goto(`/dashboard/${slug}/settings`);
  const section = page.getByRole("region", { name: "API keys" });
  await expect(section.getByText("No API keys yet.")).toBeVisible();
  await section.getByRole("button", { name: "Create API key" }).click();

  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByLabel("Name").fill("Deploy script");
  await dialog.getByLabel("Access").selectOption({ label: "Read and write" });
  await dialog.getByRole("button", { name: "Create key" }).click();

  const reveal = page.getByRole("dialog", { name: "Copy your API key" });
  await expect(reveal.getByText("You won't see this key again")).toBeVisible();
  const key = (await reveal.getByTestId("api-key-secret").textContent())?.trim() ?? "";
  expect(key).toMatch(/^tk_test_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(reveal).toBeHidden();

  const row = section.getByTestId("api-key-row").filter({ hasText: "Deploy script" });
  await expect(row).toContainText(`${key.slice(0, 24)}…${key.slice(-4)}`);
  await expect(row).toContainText("Read and write");
  await expect(row).toContainText("never used");
  await expect(page.getByText(key)).toHaveCount(0);

  // The customer's code: plain fetch with the key, no browser cookie.
  const projects = `${baseURL}/api/v1/orgs/${slug}/projects`;
  const auth = { authorization: `Bearer ${key}` };
  expect((await fetch(projects, { headers: auth })).status).toBe(200);
  const made = await fetch(projects, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ name: "Made by a script" }) });
  expect(made.status).toBe(201);

  await page.reload();
  await expect(row).toContainText("last used");
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, testInfo, "api-keys");

  await row.getByRole("button", { name: "Revoke" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke Deploy script?" });
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);

  const refused = await fetch(projects, { headers: auth });
  expect(refused.status).toBe(401);
  expect(((await refused.json()) as { code: string }).code).toBe("unauthenticated");
});
