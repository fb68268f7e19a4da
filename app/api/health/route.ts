import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Readiness: the process is up and the database answers. `?live` skips the database. */
export async function GET(req: Request) {
  if (new URL(req.url).searchParams.has("live")) return NextResponse.json({ status: "ok" });
  try {
    await db.$queryRaw`select 1`;
    return NextResponse.json({ status: "ok", database: "ok" });
  } catch {
    return NextResponse.json({ status: "unavailable", database: "unreachable" }, { status: 503 });
  }
}
