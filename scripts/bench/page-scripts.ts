import { chromium } from "@playwright/test";
import { chromiumExecutable } from "../../e2e/support/chromium";
import { measurePageScripts, type PageScripts as Measured } from "../../e2e/support/page-scripts";

export type PageScripts = Measured & { url: string };

/**
 * Opens `pagePath` signed in (the session cookie) in Chromium and measures its JavaScript the way
 * the e2e budget test does (e2e/support/page-scripts.ts), so the bench and the test agree.
 */
export async function measureSignedInPageScripts(baseUrl: string, pagePath: string, cookie: string): Promise<PageScripts> {
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const context = await browser.newContext();
    const [name, ...value] = cookie.split("=");
    await context.addCookies([{ name: name!, value: value.join("="), url: baseUrl }]);
    const page = await context.newPage();
    const measured = await measurePageScripts(page, `${baseUrl}${pagePath}`);
    if (new URL(page.url()).pathname !== pagePath) throw new Error(`${pagePath} redirected the browser to ${page.url()}: not signed in?`);
    return { url: pagePath, ...measured };
  } finally {
    await browser.close();
  }
}
