import type { JsonSchema } from "./json-schema";

export type Field = {
  /** Dotted, with `[]` for array items: `data[].createdBy.name`. */
  name: string;
  type: string;
  required: boolean;
  /** Constraints and allowed values, in words: "1–100 characters", "one of: active, paused". */
  notes: string[];
  description?: string;
};

const isSchema = (s: unknown): s is JsonSchema => typeof s === "object" && s !== null;

/** `anyOf: [X, {type: null}]` (zod's nullable) as X plus a nullable flag. */
function unwrapNullable(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  if (Array.isArray(schema.type) && schema.type.includes("null")) {
    const rest = schema.type.filter((t) => t !== "null");
    return { schema: { ...schema, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  const variants = (schema.anyOf ?? []).filter(isSchema);
  const nonNull = variants.filter((v) => v.type !== "null");
  if (variants.length === 2 && nonNull.length === 1) return { schema: nonNull[0]!, nullable: true };
  return { schema, nullable: false };
}

function typeName(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const variants = (schema.anyOf ?? schema.oneOf ?? []).filter(isSchema);
  if (variants.length > 0) return [...new Set(variants.map(typeName))].join(" | ");
  if (schema.type === "array") return `${isSchema(schema.items) ? typeName(schema.items) : "any"}[]`;
  if (schema.type === "string" && schema.format) return `string (${schema.format})`;
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  return schema.type ?? "any";
}

function range(min: unknown, max: unknown, unit: string): string | null {
  const lo = typeof min === "number" ? min : null;
  const hi = typeof max === "number" ? max : null;
  if (lo !== null && hi !== null) return `${lo}–${hi}${unit}`;
  if (lo !== null) return `at least ${lo}${unit}`;
  if (hi !== null) return `at most ${hi}${unit}`;
  return null;
}

function notesOf(schema: JsonSchema): string[] {
  const notes: string[] = [];
  if (schema.enum) notes.push(`one of: ${schema.enum.map(String).join(", ")}`);
  const length = range(schema.minLength, schema.maxLength, " characters");
  if (length) notes.push(length);
  const value = range(schema.minimum, schema.maximum, "");
  if (value) notes.push(value);
  const items = range(schema.minItems, schema.maxItems, " items");
  if (items) notes.push(items);
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  // zod's date and e-mail patterns restate the format; others say something a client must know.
  if (schema.pattern && !schema.format) notes.push(`matches ${schema.pattern}`);
  return notes;
}

/**
 * A JSON Schema as a flat list of fields for the reference page's tables, objects and
 * arrays of objects expanded in place. Unions of objects (a choice of bodies) are listed
 * by their variants' fields, marked optional, since each applies only with its variant.
 */
export function fieldsOf(schema: JsonSchema, prefix = "", required = true): Field[] {
  const { schema: inner, nullable } = unwrapNullable(schema);
  const variants = (inner.anyOf ?? inner.oneOf ?? []).filter(isSchema);
  if (variants.length > 0 && variants.every((v) => v.type === "object")) return variants.flatMap((v) => fieldsOf(v, prefix, false));
  if (inner.type === "object" && inner.properties) {
    const requiredNames = new Set(inner.required ?? []);
    return Object.entries(inner.properties).flatMap(([key, value]) => {
      if (!isSchema(value)) return [];
      const name = prefix ? `${prefix}.${key}` : key;
      return [describe(value, name, required && requiredNames.has(key)), ...children(value, name, requiredNames.has(key))];
    });
  }
  if (prefix === "") return [{ ...describe(inner, "(body)", true), type: nullable ? `${typeName(inner)} | null` : typeName(inner) }];
  return [];
}

function describe(schema: JsonSchema, name: string, required: boolean): Field {
  const { schema: inner, nullable } = unwrapNullable(schema);
  const description = schema.description ?? inner.description;
  return { name, type: nullable ? `${typeName(inner)} | null` : typeName(inner), required, notes: notesOf(inner), ...(description ? { description } : {}) };
}

function children(schema: JsonSchema, name: string, required: boolean): Field[] {
  const { schema: inner } = unwrapNullable(schema);
  if (inner.type === "object" && inner.properties) return fieldsOf(inner, name, required);
  if (inner.type === "array" && isSchema(inner.items)) {
    const item = unwrapNullable(inner.items).schema;
    if (item.type === "object" && item.properties) return fieldsOf(item, `${name}[]`, required);
  }
  return [];
}
