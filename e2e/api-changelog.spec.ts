import { API_VERSIONS, CURRENT_VERSION } from "../lib/api/versions";
import { snap } from "./support/screenshot";
import { expect, test } from "./support/test";

test("the API changelog lists every version from the registry, newest first, with the policy", async ({ page }, testInfo) => {
  await page.goto("/docs/api/changelog");
  await expect(page.getByRole("heading", { level: 1, name: "API changelog" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Versioning policy" })).toBeVisible();
  await expect(page.getByText(`served in the current version, ${CURRENT_VERSION}`)).toBeVisible();

  const versions = page.getByRole("heading", { level: 2, name: /^\d{4}-\d{2}-\d{2}$/ });
  await expect(versions).toHaveText(API_VERSIONS.map((v) => v.date).reverse());
  const current = page.locator(`[id="${CURRENT_VERSION}"]`);
  await expect(current.getByText("Current")).toBeVisible();
  for (const version of API_VERSIONS) await expect(page.locator(`[id="${version.date}"] li`)).toHaveCount(version.changes.length);

  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/docs/api");
  await snap(page, testInfo, "api-changelog-light");

  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await snap(page, testInfo, "api-changelog-dark");
});
