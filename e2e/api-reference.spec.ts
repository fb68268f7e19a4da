import { expect, test } from "./support/test";
import { SignInPage } from "./pages/auth-pages";
import { ApiReferencePage } from "./pages/api-reference-page";
import { snap } from "./support/screenshot";

test("a member opens the API reference from the dashboard, searches it and follows an error to its problem type", async ({ browser }, testInfo) => {
  const page = await (await browser.newContext({ colorScheme: "light", viewport: { width: 1280, height: 900 } })).newPage();
  await new SignInPage(page).signInWithPassword("owner@acme.test", "tenantkit-demo");
  const reference = new ApiReferencePage(page);
  await reference.openFromDashboard();
  await expect(reference.operation("Create a project")).toBeVisible();
  await snap(page, testInfo, "api-reference-light", { fullPage: false });

  await reference.searchFor("post projects");
  await expect(reference.operation("Create a project")).toBeVisible();
  await expect(reference.operation("List projects")).toBeHidden();
  await expect(reference.operation("Invite people")).toBeHidden();
  await expect(page.getByText("1 match")).toBeVisible();
  await snap(page, testInfo, "api-reference-search-light", { fullPage: false });

  await reference.searchFor("no-such-thing");
  await expect(page.getByText("Nothing matches.")).toBeVisible();
  await reference.searchFor("");
  await expect(reference.operation("Invite people")).toBeVisible();

  await reference.operation("Create a project").getByRole("link", { name: "plan_limit" }).click();
  await expect(page).toHaveURL(/#problem-plan-limit$/);
  await expect(page.locator("#problem-plan-limit")).toBeInViewport();
  await snap(page, testInfo, "api-reference-problems-light", { fullPage: false });
});

test("the API reference in dark mode, as the document's problem types link to it", async ({ browser }, testInfo) => {
  const page = await (await browser.newContext({ colorScheme: "dark", viewport: { width: 1280, height: 900 } })).newPage();
  const doc = (await (await page.request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(doc.paths)).toContain("/api/v1/orgs/{org}/projects");

  await page.goto("/docs/api#listProjects");
  const reference = new ApiReferencePage(page);
  await expect(reference.operation("List projects")).toBeInViewport();
  await snap(page, testInfo, "api-reference-operation-dark", { fullPage: false });

  await reference.searchFor("rate");
  await expect(page.getByRole("heading", { name: "Rate limits" })).toBeVisible();
  await snap(page, testInfo, "api-reference-search-dark", { fullPage: false });
});
