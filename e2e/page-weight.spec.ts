import { expect, test } from "./support/test";
import { SignInPage } from "./pages/auth-pages";
import { formatPageScripts, measurePageScripts } from "./support/page-scripts";

// Issue #9's budget: the JavaScript the projects page loads until the network is idle, gzipped.
// Bytes, not time: the same build gives the same figure on any machine.
const BUDGET_BYTES = 200_000;

test("the projects page loads at most 200 kB of gzipped JavaScript", async ({ page }, testInfo) => {
  await new SignInPage(page).signInWithPassword("owner@acme.test", "tenantkit-demo");
  const measured = await measurePageScripts(page, "/dashboard/acme/projects");
  await expect(page.getByTestId("project-row").first()).toBeVisible();

  const breakdown = formatPageScripts(measured);
  await testInfo.attach("scripts.txt", { body: breakdown, contentType: "text/plain" });
  testInfo.annotations.push({ type: "gzipped scripts", description: `${(measured.totalGzipBytes / 1000).toFixed(1)} kB` });
  expect(measured.totalGzipBytes, `gzipped scripts over the ${BUDGET_BYTES / 1000} kB budget:\n${breakdown}`).toBeLessThanOrEqual(BUDGET_BYTES);
});
