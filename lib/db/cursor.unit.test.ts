import { describe, expect, it } from "vitest";
import { cursorSchema, decodeCursor, encodeCursor } from "./cursor";

const id = "ck" + "a1".repeat(12);
const b64 = (text: string) => Buffer.from(text).toString("base64url");

describe("cursor", () => {
  it("round-trips", () => {
    const c = { createdAt: new Date("2026-01-02T03:04:05.678Z"), id };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(cursorSchema.parse(encodeCursor(c))).toEqual(c);
    const session = { createdAt: c.createdAt, id: "3f2b8c1e-9d4a-4e7b-8a6c-0d1e2f3a4b5c" };
    expect(decodeCursor(encodeCursor(session))).toEqual(session);
  });

  it("refuses forged cursors of every shape", () => {
    const forged = [
      "garbage",
      "not base64!",
      "====",
      "",
      b64("2026-01-02T03:04:05.678Z"),
      b64(`2026-01-02T03:04:05.678Z|${id}|${id}`),
      b64(`2026-01-02T03:04:05.678Z|${id}\u0000`),
      b64(`2026-01-02T03:04:05.678Z|' OR 1=1 --`),
      b64(`0000-01-01T00:00:00.000Z|${id}`),
      b64(`+275760-09-13T00:00:00.000Z|${id}`),
      b64(`2026-02-30T00:00:00.000Z|${id}`),
      b64(`2026-01-02|${id}`),
      b64(JSON.stringify({ createdAt: "2026-01-02", id })),
      Buffer.from([0xff, 0xfe, 0x00, 0x7c, 0xd8, 0x00]).toString("base64url"),
    ];
    for (const raw of forged) {
      expect(decodeCursor(raw), raw).toBeNull();
      expect(cursorSchema.safeParse(raw).success, raw).toBe(false);
    }
  });

  it("says what to do in the schema error", () => {
    const result = cursorSchema.safeParse("garbage");
    expect(result.error?.issues[0]?.message).toMatch(/start again without it/);
    expect(cursorSchema.safeParse("x".repeat(201)).success).toBe(false);
  });
});
