import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumExecutable } from "../../e2e/support/chromium";

export type PageScripts = {
  url: string;
  scripts: { url: string; bytes: number; gzipBytes: number; contentEncoding: string | null }[];
  /** Sum of the scripts' gzipped sizes: as sent when the server compressed them, else gzip level 6 of each body. */
  totalGzipBytes: number;
  totalBytes: number;
  /** Whether the server sent every script gzip-compressed (`next start` does unless `compress: false`). */
  serverCompressed: boolean;
};

/**
 * Opens `path` signed in (the session cookie) in Chromium, waits until the network is idle and
 * adds up the JavaScript the page loaded: every response of resource type "script".
 */
export async function measurePageScripts(baseUrl: string, pagePath: string, cookie: string): Promise<PageScripts> {
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const context = await browser.newContext();
    const [name, ...value] = cookie.split("=");
    await context.addCookies([{ name: name!, value: value.join("="), url: baseUrl }]);
    const page = await context.newPage();
    const responses: Promise<PageScripts["scripts"][number]>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      responses.push(
        (async () => {
          const body = await response.body();
          const contentEncoding = (await response.headerValue("content-encoding")) ?? null;
          const sent = (await response.request().sizes()).responseBodySize;
          const gzipBytes = contentEncoding === "gzip" ? sent : gzipSync(body, { level: 6 }).length;
          return { url: new URL(response.url()).pathname, bytes: body.length, gzipBytes, contentEncoding };
        })(),
      );
    });
    const url = `${baseUrl}${pagePath}`;
    const answer = await page.goto(url, { waitUntil: "networkidle" });
    if (!answer?.ok()) throw new Error(`${pagePath} answered ${answer?.status()} in the browser`);
    if (new URL(page.url()).pathname !== pagePath) throw new Error(`${pagePath} redirected the browser to ${page.url()}: not signed in?`);
    const scripts = await Promise.all(responses);
    return {
      url: pagePath,
      scripts,
      totalGzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0),
      totalBytes: scripts.reduce((sum, s) => sum + s.bytes, 0),
      serverCompressed: scripts.length > 0 && scripts.every((s) => s.contentEncoding === "gzip"),
    };
  } finally {
    await browser.close();
  }
}
