import { expect, test } from "./support/test";
import { SignInPage } from "./pages/auth-pages";

// Public pages and the signed-in ones; the CSP fixture fails the test on any violation.
const publicPages = ["/", "/pricing", "/docs/api", "/sign-in", "/sign-up", "/sign-in/check-email", "/dev/outbox", "/invite/not-a-real-token"];
const signedInPages = ["/dashboard/acme/projects", "/dashboard/acme/members", "/dashboard/acme/audit", "/dashboard/acme/settings", "/account"];

test("every page runs under the nonce-based CSP and hydrates", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));

  for (const path of publicPages) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"], path).toContain("'strict-dynamic'");
    // next-themes' inline script ran (it carries the nonce): the theme class is on <html>.
    await expect(page.locator("html"), path).toHaveClass(/\b(light|dark)\b/);
  }

  await new SignInPage(page).signInWithPassword("owner@acme.test", "tenantkit-demo");
  for (const path of signedInPages) {
    await page.goto(path);
    await expect(page.locator("html"), path).toHaveClass(/\b(light|dark)\b/);
    // A client component answered a click: React hydrated the page.
    await page.getByRole("button", { name: /account menu/i }).first().click();
    await expect(page.getByRole("menu"), path).toBeVisible();
    await page.keyboard.press("Escape");
  }
  expect(errors).toEqual([]);
});
