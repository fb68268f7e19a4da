import type { NextRequest } from "next/server";
import { clientIp } from "@/lib/auth/client-ip";
import type { RequestMeta } from "@/lib/orgs/context";

/** What the audit log records about where a change came from. */
export function requestMeta(req: NextRequest, requestId?: string): RequestMeta {
  return { requestId, ip: clientIp(req.headers), userAgent: req.headers.get("user-agent")?.slice(0, 512) ?? undefined };
}
