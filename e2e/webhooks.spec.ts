import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./support/test";
import { SignInPage } from "./pages/auth-pages";
import { setOrgPlan } from "./support/database";
import { snap } from "./support/screenshot";

const stamp = Date.now().toString(36);

test("an owner registers a webhook endpoint, creates a project, and sees the delivery in the log", async ({ browser }, testInfo) => {
  // The customer's receiver, on this machine (private targets are allowed outside production).
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ received: true }));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

  try {
    const page = await (await browser.newContext({ colorScheme: "light" })).newPage();
    await new SignInPage(page).signInWithPassword("owner@acme.test", "tenantkit-demo");
    // Webhooks come with API access (Pro); an org of its own leaves the demo data alone.
    const created = await page.request.post("/api/v1/orgs", { data: { name: `Hooks ${stamp}` } });
    expect(created.status()).toBe(201);
    const { slug } = (await created.json()) as { slug: string };
    await setOrgPlan(slug, "pro");

    await page.goto(`/dashboard/${slug}/settings`);
    await page.getByRole("region", { name: "Webhooks" }).getByRole("link", { name: "Manage webhooks" }).click();
    await expect(page.getByRole("heading", { name: "No webhook endpoints yet" })).toBeVisible();
    await snap(page, testInfo, "webhooks-empty");
    await page.getByRole("button", { name: "Add endpoint" }).first().click();

    const dialog = page.getByRole("dialog", { name: "Add a webhook endpoint" });
    await dialog.getByRole("textbox", { name: "URL" }).fill(receiverUrl);
    await dialog.getByRole("textbox", { name: "Description" }).fill("Local receiver");
    await dialog.getByRole("checkbox", { name: "project.created" }).check();
    await dialog.getByRole("checkbox", { name: "project.deleted" }).check();
    await dialog.getByRole("button", { name: "Add endpoint" }).click();

    const reveal = page.getByRole("dialog", { name: "Copy the signing secret" });
    await expect(reveal.getByText("You won't see this secret again")).toBeVisible();
    await expect(reveal.getByTestId("webhook-secret")).toHaveText(/^whsec_[A-Za-z0-9+/]{32}$/);
    await snap(page, testInfo, "webhooks-secret", { fullPage: false });
    await reveal.getByRole("button", { name: "Done" }).click();

    const row = page.getByTestId("webhook-endpoint-row").filter({ hasText: receiverUrl });
    await expect(row).toContainText("Active");
    await expect(row).toContainText("Local receiver · 2 events");
    await snap(page, testInfo, "webhooks-endpoints");

    // The event: a project created through the API, as the dashboard or a key would.
    const project = await page.request.post(`/api/v1/orgs/${slug}/projects`, { data: { name: "Webhook launch" } });
    expect(project.status()).toBe(201);
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ type: "project.created", data: { name: "Webhook launch" } });
    expect(received[0]!.headers["webhook-signature"]).toMatch(/^v1,/);

    await row.click();
    await expect(page.getByRole("heading", { name: receiverUrl })).toBeVisible();
    const delivery = page.getByTestId("webhook-delivery-row").first();
    await expect(delivery).toContainText("Delivered");
    await expect(delivery).toContainText("project.created");
    await expect(delivery).toContainText("200");
    await delivery.getByRole("button", { name: "Details" }).click();
    await expect(page.getByText('"name": "Webhook launch"')).toBeVisible();
    await expect(page.getByText('{"received":true}')).toBeVisible();
    await snap(page, testInfo, "webhooks-delivery-log");

    await delivery.getByRole("button", { name: "Replay" }).click();
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(2);
    expect(received[1]!.headers["webhook-id"]).toBe(received[0]!.headers["webhook-id"]);
    await expect(page.getByTestId("webhook-delivery-row")).toHaveCount(2);
    await expect(page.getByTestId("webhook-delivery-row").first()).toContainText("replay");
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
