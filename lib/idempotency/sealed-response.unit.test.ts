import { describe, expect, it } from "vitest";
import { openResponse, sealResponse } from "./sealed-response";

const secret = "s".repeat(32);
const answer = { headers: { "content-type": "application/json" }, body: '{"key":"tk_test_secret"}' };

describe("sealed responses", () => {
  it("open with the same secret, key and scope", () => {
    const sealed = sealResponse(answer, secret, "key-1", "org\u0000user");
    expect(sealed.toString("utf8")).not.toContain("tk_test_secret");
    expect(openResponse(sealed, secret, "key-1", "org\u0000user")).toEqual(answer);
  });

  it("do not open with another key, scope or server secret, or once changed", () => {
    const sealed = sealResponse(answer, secret, "key-1", "org\u0000user");
    expect(openResponse(sealed, secret, "key-2", "org\u0000user")).toBeNull();
    expect(openResponse(sealed, secret, "key-1", "other\u0000user")).toBeNull();
    expect(openResponse(sealed, "t".repeat(32), "key-1", "org\u0000user")).toBeNull();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(openResponse(tampered, secret, "key-1", "org\u0000user")).toBeNull();
  });
});
