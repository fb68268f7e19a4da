import { z } from "zod";

export type JsonSchema = z.core.JSONSchema.JSONSchema;

/**
 * A zod schema as the JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) of what crosses
 * the wire: `input` for what a client sends (before defaults, coercion and transforms such
 * as the decoded cursor), `output` for what the API answers. `$schema` is dropped: the
 * document declares the dialect once.
 */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io });
  return rest;
}
