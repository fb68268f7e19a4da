import { gzipSync } from "node:zlib";
import type { Page, Response } from "@playwright/test";

export type PageScript = { url: string; gzipBytes: number };
export type PageScripts = { totalGzipBytes: number; scripts: PageScript[] };

/**
 * Loads `url` in `page` with the browser cache off and sums the gzipped size of every script
 * (each URL once) the browser fetches until the network is idle. Each body is gzipped here at
 * level 6 (what `next start` sends: zlib's default) rather than read off the wire, so the
 * figure is the same whatever the server compresses and does not depend on timing. Scripts
 * inlined in the HTML (the RSC payload) belong to the document, not to this sum.
 * Chromium only (the cache is switched off through CDP).
 */
export async function measurePageScripts(page: Page, url: string): Promise<PageScripts> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });

  const pending = new Map<string, Promise<PageScript>>();
  const onResponse = (response: Response) => {
    if (response.request().resourceType() !== "script" || pending.has(response.url())) return;
    pending.set(response.url(), response.body().then((body) => ({ url: response.url(), gzipBytes: gzipSync(body, { level: 6 }).length })));
  };
  page.on("response", onResponse);
  try {
    await page.goto(url, { waitUntil: "networkidle" });
    const scripts = (await Promise.all(pending.values())).sort((a, b) => b.gzipBytes - a.gzipBytes);
    return { totalGzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0), scripts };
  } finally {
    page.off("response", onResponse);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
    await cdp.detach();
  }
}

/** One line per script, largest first, with the total: for a failing budget's message. */
export function formatPageScripts({ totalGzipBytes, scripts }: PageScripts): string {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`.padStart(9);
  const path = (url: string) => new URL(url).pathname;
  return [...scripts.map((script) => `${kb(script.gzipBytes)}  ${path(script.url)}`), `${kb(totalGzipBytes)}  total`].join("\n");
}
