import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_BODY_BYTES, parseWith, readJsonBody } from "./request-input";

/** A body that never ends, counting how many bytes the reader pulled. */
function endlessBody() {
  const pulled = { bytes: 0 };
  const chunk = new Uint8Array(4096).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

function post(body: BodyInit, headers: Record<string, string> = {}) {
  // `duplex` is required by undici for stream bodies and missing from the DOM typings.
  const init = { method: "POST", body, headers: { "content-type": "application/json", ...headers }, duplex: "half" as const };
  return new NextRequest("http://app.test/api/v1/x", init);
}

describe("readJsonBody", () => {
  it("parses a JSON body", async () => {
    expect(await readJsonBody(post('{"name":"Apollo"}'))).toEqual({ name: "Apollo" });
  });

  it("stops reading a body without Content-Length once it passes the cap", async () => {
    const { stream, pulled } = endlessBody();
    await expect(readJsonBody(post(stream))).rejects.toMatchObject({ code: "payload_too_large" });
    // The stream may read ahead by a chunk or two; it must not go on.
    expect(pulled.bytes).toBeLessThan(MAX_BODY_BYTES + 4 * 4096);
  });

  it("refuses a declared length over the cap before reading", async () => {
    await expect(readJsonBody(post("{}", { "content-length": String(MAX_BODY_BYTES + 1) }))).rejects.toMatchObject({ code: "payload_too_large" });
  });

  it("refuses invalid UTF-8 and invalid JSON as bad requests", async () => {
    await expect(readJsonBody(post(new Uint8Array([0x22, 0xc0, 0xaf, 0x22])))).rejects.toMatchObject({ code: "bad_request" });
    await expect(readJsonBody(post('{"a":'))).rejects.toMatchObject({ code: "bad_request" });
  });

  it("wants JSON", async () => {
    await expect(readJsonBody(post("a=1", { "content-type": "application/x-www-form-urlencoded" }))).rejects.toMatchObject({ code: "unsupported_media_type" });
  });
});

describe("parseWith", () => {
  const schema = z.object({ name: z.string() });

  it("refuses text Postgres cannot store before the schema, naming the field", () => {
    expect(() => parseWith(schema, { name: "a\u0000" }, "body")).toThrow(expect.objectContaining({ code: "invalid_input", errors: [{ path: "name", message: expect.stringContaining("NUL") }] }));
    expect(() => parseWith(schema, { name: "\uD800" }, "query")).toThrow(expect.objectContaining({ message: expect.stringMatching(/^Invalid query: name /) }));
  });

  it("maps schema errors to field errors", () => {
    expect(() => parseWith(schema, { name: 1 }, "body")).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ path: "name" })] }));
    expect(parseWith(schema, { name: "ok" }, "body")).toEqual({ name: "ok" });
  });
});
