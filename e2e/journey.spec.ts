import { expect, test } from "./support/test";
import { OutboxPage, SignInPage, SignUpPage } from "./pages/auth-pages";
import { DashboardPage } from "./pages/dashboard-page";
import { snap } from "./support/screenshot";

const stamp = Date.now().toString(36);
const user = { name: "Erin Example", email: `erin.${stamp}@example.test`, password: "a-long-test-password" };

test("a new user signs up, runs projects across two orgs, signs out and back in by magic link", async ({ page }, testInfo) => {
  await page.goto("/");
  await snap(page, testInfo, "landing");
  await page.goto("/pricing");
  await snap(page, testInfo, "pricing");

  await new SignUpPage(page).signUp(user);
  const dashboard = new DashboardPage(page);
  await expect(page.getByRole("button", { name: "Switch organization" })).toContainText("Erin Example's workspace");
  await snap(page, testInfo, "projects-empty");

  const teamName = `Team ${stamp}`;
  await dashboard.createOrg(teamName);
  await dashboard.createProject("Launch plan", "Everything for the launch");
  await dashboard.createProject("Hiring");
  await dashboard.renameProject("Hiring", "Hiring 2027");
  await dashboard.deleteProject("Launch plan");
  await expect(dashboard.projectRows).toHaveCount(1);
  await snap(page, testInfo, "projects");

  await dashboard.switchOrg("Erin Example's workspace");
  await expect(dashboard.row("Hiring 2027")).toHaveCount(0);
  await dashboard.switchOrg(teamName);
  await expect(dashboard.row("Hiring 2027")).toBeVisible();

  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByText(user.email)).toBeVisible();
  await snap(page, testInfo, "members");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByLabel("Name").first()).toHaveValue(teamName);
  await snap(page, testInfo, "settings");

  await dashboard.signOut();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  await snap(page, testInfo, "sign-in");

  await new SignInPage(page).requestMagicLink(user.email);
  await new OutboxPage(page).followNewestLinkTo(user.email);
  await expect(page).toHaveURL(/\/dashboard\/[a-z0-9-]+\/projects/);
  await expect(page.getByRole("button", { name: "Switch organization" })).toBeVisible();
});

test("a viewer sees projects but no write controls", async ({ page }, testInfo) => {
  await new SignInPage(page).signInWithPassword("viewer@acme.test", "tenantkit-demo");
  await page.goto("/dashboard/acme/projects");
  const dashboard = new DashboardPage(page);
  await expect(dashboard.projectRows.first()).toBeVisible();
  await expect(page.getByRole("button", { name: "New project" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /edit/i })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /delete/i })).toHaveCount(0);
  await snap(page, testInfo, "projects-viewer");
});

test("the dashboard works on a phone", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await new SignInPage(page).signInWithPassword("owner@acme.test", "tenantkit-demo");
  await page.goto("/dashboard/acme/projects");
  await expect(new DashboardPage(page).projectRows.first()).toBeVisible();
  await snap(page, testInfo, "projects-phone");
  await context.close();
});
