import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { scoped } from "@/lib/db/tenant-transaction";
import type { WebhookEndpointWithSecretDto } from "@/lib/webhooks/schemas";
import type { TestUser } from "../support/factories";
import { client } from "../support/http";

/** Shared by the webhooks.*.test.ts files: a receiver on this machine, and reading deliveries back. */

export type Received = { headers: IncomingHttpHeaders; body: string; at: number };

/**
 * A real HTTP server standing in for a customer's webhook receiver. It records every request
 * and answers with `status` (changeable while it runs), or not at all while `hang` is set.
 */
export async function startReceiver(initialStatus = 200) {
  const received: Received[] = [];
  const state = { status: initialStatus, hang: false };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      if (state.hang) return;
      res.writeHead(state.status, { "content-type": "text/plain", "x-receiver": "test" });
      res.end(state.status < 300 ? "ok" : `failing with ${state.status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    state,
    /** Requests whose JSON body has this `type`. */
    ofType: (type: string) => received.filter((r) => (JSON.parse(r.body) as { type: string }).type === type),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

export async function registerEndpoint(admin: TestUser, slug: string, body: { url: string; eventTypes: string[]; description?: string }): Promise<WebhookEndpointWithSecretDto> {
  const res = await client(admin).post<WebhookEndpointWithSecretDto>(`/api/v1/orgs/${slug}/webhooks`, body);
  if (res.status !== 201) throw new Error(`registering a webhook failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Every delivery row of the endpoint, oldest first, as the database holds it. */
export const deliveryRows = (orgId: string, endpointId: string) =>
  scoped({ orgId }, (tx) => tx.webhookDelivery.findMany({ where: { orgId, endpointId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }));

export const endpointRow = (orgId: string, endpointId: string) =>
  scoped({ orgId }, (tx) => tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select: { disabledAt: true, disabledReason: true, consecutiveFailures: true } }));

/** The parsed body of a request the receiver got. */
export function eventOf(request: Received | undefined): { id: string; type: string; timestamp: string; org: { id: string; slug: string }; data: Record<string, unknown> } {
  expect(request, "the receiver got no such request").toBeDefined();
  return JSON.parse(request!.body) as ReturnType<typeof eventOf>;
}
