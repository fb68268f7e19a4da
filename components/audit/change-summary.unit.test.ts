import { describe, expect, it } from "vitest";
import { changeLines } from "./change-summary";

describe("changeLines", () => {
  it("pairs before and after per field, with labels for known ones", () => {
    expect(changeLines({ before: { role: "member" }, after: { role: "admin" } })).toEqual([{ field: "Role", before: "Member", after: "Admin" }]);
  });

  it("shows created and deleted values on one side only", () => {
    expect(changeLines({ after: { name: "Apollo", description: "" } })).toEqual([
      { field: "Name", after: "Apollo" },
      { field: "Description", after: "(empty)" },
    ]);
    expect(changeLines({ before: { status: "paused" } })).toEqual([{ field: "Status", before: "paused" }]);
  });

  it("formats dates, shortens long text and names unknown fields", () => {
    const [expires, long, unknown] = changeLines({ after: { expiresAt: "2026-03-04T10:00:00.000Z", note: "x".repeat(200), someCount: 3 } });
    expect(expires).toEqual({ field: "Expires", after: "Mar 4, 2026" });
    expect(long?.after).toHaveLength(80);
    expect(unknown).toEqual({ field: "Some count", after: "3" });
  });

  it("is empty without changes", () => {
    expect(changeLines(null)).toEqual([]);
  });
});
