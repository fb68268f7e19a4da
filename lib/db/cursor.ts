import { AppError } from "@/lib/api/errors";

export type Cursor = { createdAt: Date; id: string };

/** Opaque keyset cursor: the last row's (createdAt, id), matching the list's sort order. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.createdAt.toISOString()}|${c.id}`).toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  const [iso, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError("invalid_input", "The cursor is not valid; start again without it.", { errors: [{ path: "cursor", message: "is not valid" }] });
  }
  return { createdAt, id };
}
