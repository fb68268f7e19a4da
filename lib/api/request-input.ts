import type { NextRequest } from "next/server";
import type { z } from "zod";
import { AppError, type FieldError } from "./errors";
import type { RouteParams } from "./handler";
import { findUnstorableInput } from "./storable-text";

export const MAX_BODY_BYTES = 64 * 1024;

type Where = "body" | "query" | "params" | "headers";

const fieldErrors = (error: z.ZodError): FieldError[] =>
  error.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message }));

function invalid(where: Where, errors: FieldError[]): AppError {
  const first = errors[0];
  const detail = first ? `${first.path === "(root)" ? "" : `${first.path} `}${first.message}`.trim() : "is invalid";
  return new AppError("invalid_input", `Invalid ${where}: ${detail}.`, { errors });
}

/** Text Postgres would refuse, or nesting no schema needs, is refused before any schema runs. */
export function assertStorable(value: unknown, where: Where): void {
  const problem = findUnstorableInput(value);
  if (problem) throw invalid(where, [problem]);
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: Where): z.output<S> {
  assertStorable(value, where);
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(where, fieldErrors(result.error));
  return result.data;
}

/** Route params as Next decoded them, refused when they hold text Postgres cannot store. */
export async function readRouteParams(route: RouteParams): Promise<Record<string, string>> {
  const params = (await route.params) ?? {};
  assertStorable(params, "params");
  return params;
}

/**
 * Reads a JSON body of at most MAX_BODY_BYTES. The cap is enforced while the stream is
 * read, so a chunked body without Content-Length (or one that lies about it) is cut off
 * as soon as it passes the cap instead of being buffered whole.
 */
export async function readJsonBody(req: NextRequest): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const bytes = await readCapped(req.body, MAX_BODY_BYTES);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "The body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}

async function readCapped(stream: ReadableStream<Uint8Array> | null, cap: number): Promise<Uint8Array> {
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      // Stop reading: the rest of the upload is discarded, never buffered.
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const tooLarge = () => new AppError("payload_too_large", `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);

export function searchParamsObject(req: NextRequest): Record<string, string> {
  return Object.fromEntries(req.nextUrl.searchParams.entries());
}
