import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { SignInPage } from "./pages/auth-pages";
import { DashboardPage } from "./pages/dashboard-page";

// The dashboard's menus, drawer, dialogs and toasts fetch their code on first use (to keep the
// projects page's first load small). Here that code arrives late, so every first press lands
// before it: each must still open as it does once loaded, with focus where Radix puts it.
async function delayScripts(page: Page) {
  await page.route("**/_next/static/chunks/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
}

test("the sidebar menus, project dialogs and toasts work when pressed before their code arrives", async ({ page }) => {
  await new SignInPage(page).signInWithPassword("owner@acme.test", "tenantkit-demo");
  await page.goto("/dashboard/acme/projects", { waitUntil: "networkidle" });
  await delayScripts(page);

  // Keyboard: Enter on the org switcher opens its menu on the first item, Escape gives focus back.
  const switcher = page.getByRole("button", { name: "Switch organization" });
  const menu = page.getByRole("menu");
  for (const attempt of ["replayed", "direct"]) {
    await switcher.focus();
    await page.keyboard.press("Enter");
    await expect(menu, attempt).toBeVisible();
    await expect(menu.getByRole("menuitem").first(), attempt).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu, attempt).toBeHidden();
    await expect(switcher, attempt).toBeFocused();
  }

  // The first press on the page mounted the toasts' live region, ahead of any toast.
  const notifications = page.getByRole("region", { name: /Notifications/ });
  await expect(notifications).toBeAttached();

  // Focus alone fetches a menu; the real trigger that replaces the stand-in keeps the focus.
  const account = page.getByRole("button", { name: /account menu/i });
  await account.focus();
  await expect(account).toHaveAttribute("id", /^radix-/);
  await expect(account).toBeFocused();

  // Pointer: the account menu, and a choice in it.
  await account.click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(menu).toBeHidden();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);

  // The create form and the delete confirmation, then the toast that follows.
  const dashboard = new DashboardPage(page);
  const name = `Lazy ${Date.now().toString(36)}`;
  await dashboard.createProject(name);
  await dashboard.deleteProject(name);
  await expect(notifications.getByText(`Deleted “${name}”`)).toBeVisible();
});

test("the phone navigation drawer opens on the first tap before its code arrives", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await new SignInPage(page).signInWithPassword("owner@acme.test", "tenantkit-demo");
  await page.goto("/dashboard/acme/projects", { waitUntil: "networkidle" });
  await delayScripts(page);

  const open = page.getByRole("button", { name: "Open navigation" });
  await open.tap();
  const drawer = page.getByRole("dialog", { name: "Navigation" });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("link", { name: "Members" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(open).toBeFocused();

  // The drawer's own org switcher, fetched already, opens at once.
  await open.tap();
  await drawer.getByRole("button", { name: "Switch organization" }).tap();
  await expect(page.getByRole("menu")).toBeVisible();
  await context.close();
});
