import type { JsonSchema } from "./json-schema";

const SAMPLE_INSTANT = "2026-11-30T12:00:00.000Z";

function sampleString(schema: JsonSchema): string {
  if (schema.format === "date-time") return SAMPLE_INSTANT;
  if (schema.format === "date") return SAMPLE_INSTANT.slice(0, 10);
  if (schema.format === "email") return "ada@example.com";
  if (schema.format === "uri") return "https://example.com/";
  return "string";
}

/**
 * An example value for a JSON Schema: the schema's own `examples[0]` (from zod's
 * `.meta({ examples })`) where it has one, else its default, else one built from its type,
 * so every request and response in the reference shows a body of the right shape.
 */
export function exampleOf(schema: JsonSchema | boolean | undefined): unknown {
  if (typeof schema !== "object") return null;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return exampleOf(variants.find((v) => typeof v !== "object" || v.type !== "null") ?? variants[0]);
  // zod writes a nullable primitive as `type: ["string", "null"]`.
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, exampleOf(value)]));
    case "array":
      return [exampleOf(Array.isArray(schema.items) ? schema.items[0] : schema.items)];
    case "string":
      return sampleString(schema);
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 1;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return {};
  }
}
