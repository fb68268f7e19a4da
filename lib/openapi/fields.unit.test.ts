import { describe, expect, it } from "vitest";
import { z } from "zod";
import { exampleOf } from "./examples";
import { fieldsOf } from "./fields";
import { jsonSchemaOf } from "./json-schema";

const page = z.object({
  data: z.array(z.object({ id: z.string(), owner: z.object({ name: z.string().nullable() }).nullable(), at: z.iso.datetime() })),
  nextCursor: z.string().nullable(),
});

describe("fieldsOf", () => {
  it("flattens nested objects and arrays of objects, keeping nullability and requiredness", () => {
    const fields = fieldsOf(jsonSchemaOf(page, "output"));
    expect(fields.map((f) => [f.name, f.type, f.required])).toEqual([
      ["data", "object[]", true],
      ["data[].id", "string", true],
      ["data[].owner", "object | null", true],
      ["data[].owner.name", "string | null", true],
      ["data[].at", "string (date-time)", true],
      ["nextCursor", "string | null", true],
    ]);
  });

  it("describes constraints, defaults and optional fields of an input", () => {
    const input = z.object({ name: z.string().min(1).max(100), status: z.enum(["a", "b"]).default("a"), limit: z.coerce.number().int().min(1).max(100).optional() });
    expect(fieldsOf(jsonSchemaOf(input, "input"))).toEqual([
      { name: "name", type: "string", required: true, notes: ["1–100 characters"] },
      { name: "status", type: "string", required: false, notes: ["one of: a, b", 'default "a"'] },
      { name: "limit", type: "integer", required: false, notes: ["1–100"] },
    ]);
  });

  it("lists each variant's fields of a choice of bodies as optional", () => {
    const choice = z.union([z.object({ code: z.string() }).strict(), z.object({ recoveryCode: z.string() }).strict()]);
    expect(fieldsOf(jsonSchemaOf(choice, "input")).map((f) => [f.name, f.required])).toEqual([
      ["code", false],
      ["recoveryCode", false],
    ]);
  });
});

describe("exampleOf", () => {
  it("prefers the schema's own example, else builds one of the right shape", () => {
    expect(exampleOf(jsonSchemaOf(z.object({ a: z.string() }).meta({ examples: [{ a: "given" }] }), "output"))).toEqual({ a: "given" });
    expect(exampleOf(jsonSchemaOf(page, "output"))).toEqual({
      data: [{ id: "string", owner: { name: "string" }, at: "2026-11-30T12:00:00.000Z" }],
      nextCursor: "string",
    });
  });
});
