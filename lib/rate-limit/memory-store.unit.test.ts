import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./memory-store";

describe("in-memory rate-limit store", () => {
  it("refuses scripts it has no port of, with a message that says where to add one", async () => {
    const { redis } = createMemoryStore();
    await expect(redis.evalsha("0".repeat(40), ["k"], [1])).rejects.toThrow(/memory-store\.ts/);
  });
});
