import { describe, expect, it } from "vitest";
import { serverComplaints } from "./server-errors";

describe("serverComplaints", () => {
  it("counts warnings and errors by message, across chunk boundaries, and ignores the rest", () => {
    const complaints = serverComplaints();
    const error = JSON.stringify({ level: "error", msg: "request failed", error: { message: "Unable to start a transaction in the given time." } });
    const output = [
      JSON.stringify({ level: "info", msg: "request", status: 200 }),
      error,
      " ⨯ Error [PrismaClientKnownRequestError]: Transaction API error",
      JSON.stringify({ level: "warn", msg: "slow" }),
      error,
      "  ✓ Ready in 1200ms",
      "",
    ].join("\n");
    for (let i = 0; i < output.length; i += 7) complaints.onOutput(output.slice(i, i + 7));
    expect(complaints.list()).toEqual([
      { message: "error: request failed: Unable to start a transaction in the given time.", count: 2 },
      { message: "⨯ Error [PrismaClientKnownRequestError]: Transaction API error", count: 1 },
      { message: "warn: slow", count: 1 },
    ]);
  });

  it("keeps counting known messages once 20 distinct ones are held, and no new ones", () => {
    const complaints = serverComplaints();
    for (let i = 0; i < 25; i++) complaints.onOutput(`${JSON.stringify({ level: "error", msg: `m${i}` })}\n`);
    complaints.onOutput(`${JSON.stringify({ level: "error", msg: "m0" })}\n`);
    expect(complaints.list()).toHaveLength(20);
    expect(complaints.list()[0]).toEqual({ message: "error: m0", count: 2 });
  });
});
