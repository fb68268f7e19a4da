import type { Page, TestInfo } from "@playwright/test";

/** A full-page screenshot kept as a CI artifact at test-results/screenshots/<name>.png. */
export async function snap(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  testInfo.annotations.push({ type: "screenshot", description: `test-results/screenshots/${name}.png` });
}
