import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "./errors";
import { toResponse } from "./handler";
import { parseWith } from "./request-input";

/** `*`, or the entity-tags of an If-Match / If-None-Match list (RFC 9110 §8.8.3, §13.1.1). */
export type EntityTags = "*" | { weak: boolean; tag: string }[];
export type Conditions = { ifMatch?: EntityTags; ifNoneMatch?: EntityTags };

const TAG = String.raw`(?:W\/)?"[\x21\x23-\x7e\x80-\xff]*"`;
const TAG_LIST = new RegExp(String.raw`^(?:\*|${TAG}(?:\s*,\s*${TAG})*)$`);

const entityTagsSchema = z
  .string()
  .trim()
  .max(4096, "is too long")
  .regex(TAG_LIST, 'must be * or a list of entity-tags such as "abc" or W/"abc"')
  .transform((raw): EntityTags => (raw === "*" ? "*" : [...raw.matchAll(new RegExp(TAG, "g"))].map(([t]) => ({ weak: t.startsWith("W/"), tag: t.replace(/^W\//, "") }))));

const conditionsSchema = z.object({ "If-Match": entityTagsSchema.optional(), "If-None-Match": entityTagsSchema.optional() });

/** The request's preconditions, parsed: a malformed list is a 400, not a silently failed match. */
export function readConditions(headers: Headers): Conditions {
  const parsed = parseWith(conditionsSchema, { "If-Match": headers.get("if-match") ?? undefined, "If-None-Match": headers.get("if-none-match") ?? undefined }, "headers");
  return { ifMatch: parsed["If-Match"], ifNoneMatch: parsed["If-None-Match"] };
}

/**
 * A strong validator for a representation: the hash of exactly the JSON the API sends, so
 * the tag a GET returns is the one a later If-Match is checked against, and any change to
 * what the resource says (its `updatedAt` included) changes it.
 */
export function entityTag(representation: unknown): string {
  return `"${createHash("sha256").update(JSON.stringify(representation)).digest("base64url").slice(0, 32)}"`;
}

const matchesStrongly = (tags: EntityTags, current: string) => tags === "*" || tags.some((t) => !t.weak && t.tag === current);
const matchesWeakly = (tags: EntityTags, current: string) => tags === "*" || tags.some((t) => t.tag === current);

const stale = () =>
  new AppError("precondition_failed", "The resource changed since you read it (If-Match no longer matches its ETag), so nothing was changed. Read it again and retry.");

/**
 * Before a write: `current` is the resource as its GET would answer, read under a row lock
 * that holds until the transaction ends, so no other write slips between this check and
 * the handler's. A missing resource is left to the handler's 404 (RFC 9110 §13.2.1).
 */
export function assertWritePreconditions(conditions: Conditions, current: unknown): void {
  if (current === null || current === undefined) return;
  const tag = entityTag(current);
  if (conditions.ifMatch && !matchesStrongly(conditions.ifMatch, tag)) throw stale();
  if (conditions.ifNoneMatch && matchesWeakly(conditions.ifNoneMatch, tag)) {
    throw new AppError("precondition_failed", "The resource matches If-None-Match, so nothing was changed.");
  }
}

/** The answer with its ETag; for a read, 412 on a stale If-Match and 304 (headers, no body) when If-None-Match matches. */
export function conditionalResponse(result: unknown, status: number | undefined, conditions: Conditions, read: boolean): Response {
  if (result === undefined || result instanceof Response) return toResponse(result, status);
  const tag = entityTag(result);
  if (read && conditions.ifMatch && !matchesStrongly(conditions.ifMatch, tag)) throw stale();
  if (read && conditions.ifNoneMatch && matchesWeakly(conditions.ifNoneMatch, tag)) return new NextResponse(null, { status: 304, headers: { etag: tag } });
  const response = toResponse(result, status);
  response.headers.set("etag", tag);
  return response;
}

/** Whether preconditions are evaluated against the current resource before the handler runs. */
export const isWrite = (method: string) => method !== "GET" && method !== "HEAD";
