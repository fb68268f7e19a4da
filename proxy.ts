import { NextResponse, type NextRequest } from "next/server";
import { refuseMalformedPath } from "@/lib/api/malformed-url";

export function proxy(req: NextRequest) {
  return refuseMalformedPath(req.nextUrl.pathname) ?? NextResponse.next();
}
