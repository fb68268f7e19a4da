import { NextResponse, type NextRequest } from "next/server";
import { refuseMalformedPath } from "@/lib/api/malformed-url";

export function proxy(req: NextRequest) {
  return refuseMalformedPath(req.nextUrl.pathname) ?? NextResponse.next();
}

/**
 * Only paths with a percent sign: Next reads (and buffers up to 10 MB of) the whole body
 * of every request a proxy matches before any handler runs, which would undo the API's
 * streamed body cap (lib/api/request-input.ts). A proxy for every page must still leave
 * /api out. Next tests the raw path, so `%` is still there to match.
 */
export const config = { matcher: "/(.*%.*)" };
