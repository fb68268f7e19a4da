import type { Page, TestInfo } from "@playwright/test";

/**
 * A screenshot kept as a CI artifact at test-results/screenshots/<name>.png: the full page,
 * or only the viewport (`fullPage: false`) where a modal dialog is open, since its overlay
 * covers the viewport and a full-page shot would show the page below it uncovered.
 */
export async function snap(page: Page, testInfo: TestInfo, name: string, { fullPage = true } = {}) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage });
  testInfo.annotations.push({ type: "screenshot", description: `test-results/screenshots/${name}.png` });
}
