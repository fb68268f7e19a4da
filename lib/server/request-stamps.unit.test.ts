import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { requestsStamped, stampRequests } from "./request-stamps";

class FakeServer extends EventEmitter {}
class OtherServer extends EventEmitter {}

describe("stampRequests", () => {
  it("runs every stamp in order on each request event, before the listeners, and only on request events", () => {
    const seen: string[] = [];
    expect(requestsStamped()).toBe(false);
    stampRequests(
      [FakeServer, OtherServer],
      [
        (req) => seen.push(`first ${req.url}`),
        (req, res) => seen.push(`second ${req.url} ${(res as unknown as { id: string }).id}`),
      ],
    );
    expect(requestsStamped()).toBe(true);

    const server = new FakeServer();
    server.on("request", (req: IncomingMessage) => seen.push(`listener ${req.url}`));
    server.emit("request", { url: "/a" } as IncomingMessage, { id: "r1" } as unknown as ServerResponse);
    server.emit("connection", { url: "/not-a-request" });
    new OtherServer().emit("request", { url: "/b" }, { id: "r2" });

    expect(seen).toEqual(["first /a", "second /a r1", "listener /a", "first /b", "second /b r2"]);
  });

  it("patches a server class once per process, however often it is called", () => {
    const seen: string[] = [];
    stampRequests([FakeServer], [() => seen.push("again")]);
    new FakeServer().emit("request", { url: "/c" }, {});
    expect(seen).toEqual([]);
  });
});
