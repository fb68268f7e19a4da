import { test as base, expect, type Browser, type BrowserContext } from "@playwright/test";

export { expect };

/**
 * Playwright's `test`, failing any test during which the browser reported a Content Security
 * Policy violation on any page: the default context and every context the test opens itself.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ browser, context }, provide) => {
      const violations: string[] = [];
      const watch = async (ctx: BrowserContext) => {
        // Chrome logs blocked scripts to the console, but not every violation (a caught eval
        // probe is only an event): report those events to the console too.
        await ctx.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (event) =>
            console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`),
          );
        });
        ctx.on("console", (message) => {
          if (/Content.Security.Policy/i.test(message.text())) violations.push(`${message.page()?.url() ?? ""}: ${message.text()}`);
        });
      };
      await watch(context);
      const newContext: Browser["newContext"] = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const ctx = await newContext(options);
        await watch(ctx);
        return ctx;
      };
      try {
        await provide(violations);
      } finally {
        // Back to the prototype's method for the next test in this worker.
        delete (browser as Partial<Pick<Browser, "newContext">>).newContext;
      }
      expect(violations, "CSP violations reported in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});
