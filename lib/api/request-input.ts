import type { NextRequest } from "next/server";
import type { z } from "zod";
import { AppError, type FieldError } from "./errors";

export const MAX_BODY_BYTES = 64 * 1024;

const fieldErrors = (error: z.ZodError): FieldError[] =>
  error.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message }));

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: "body" | "query" | "params"): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const errors = fieldErrors(result.error);
    const first = errors[0];
    const detail = first ? `${first.path === "(root)" ? "" : `${first.path} `}${first.message}`.trim() : "is invalid";
    throw new AppError("invalid_input", `Invalid ${where}: ${detail}.`, { errors });
  }
  return result.data;
}

/** Reads a JSON body with a size cap; everything that is not a JSON object is a 4xx. */
export async function readJsonBody(req: NextRequest): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}

const tooLarge = () => new AppError("payload_too_large", `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);

export function searchParamsObject(req: NextRequest): Record<string, string> {
  return Object.fromEntries(req.nextUrl.searchParams.entries());
}
