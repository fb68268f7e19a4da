import { NextResponse } from "next/server";
import { requestIdOf, withRequestId } from "@/lib/api/request-id";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/**
 * Readiness: the process is up and the database answers. `?live` skips the database.
 * Not an apiRoute: probes every few seconds would fill the request log.
 */
export async function GET(req: Request) {
  return withRequestId(await check(req), requestIdOf(req.headers));
}

async function check(req: Request): Promise<Response> {
  if (new URL(req.url).searchParams.has("live")) return NextResponse.json({ status: "ok" });
  try {
    await db.$queryRaw`select 1`;
    return NextResponse.json({ status: "ok", database: "ok" });
  } catch {
    return NextResponse.json({ status: "unavailable", database: "unreachable" }, { status: 503 });
  }
}
