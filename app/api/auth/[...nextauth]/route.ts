import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptionsFor } from "@/lib/auth/options";
import { clientIp } from "@/lib/auth/client-ip";
import { withoutDeadSession } from "@/lib/auth/dead-session";
import { problemResponse } from "@/lib/api/problem";
import { bearerToken, cookieOnly, rateLimitRefusal } from "@/lib/api/request-auth";
import { requestIdOf, withRequestId } from "@/lib/api/request-id";
import { rateLimit, rateLimitHeaders } from "@/lib/rate-limit";

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** next-auth with this request's origin, so limits and session records know the client. */
async function handle(req: NextRequest, ctx: Ctx): Promise<Response> {
  if (bearerToken(req) !== null) return problemResponse(cookieOnly());
  const origin = { ip: clientIp(req.headers), userAgent: req.headers.get("user-agent")?.slice(0, 512) ?? undefined };
  const [action, provider] = (await ctx.params).nextauth;
  // next-auth links a new OAuth identity to whoever the session cookie names, without our
  // checks: a signed-out (or half-signed-in) cookie must not get that far.
  const request = action === "callback" && provider !== "credentials" ? await withoutDeadSession(req) : req;
  return NextAuth(request, ctx, authOptionsFor(origin));
}

/** Every answer echoes the request id, as apiRoute's do. */
export async function GET(req: NextRequest, ctx: Ctx) {
  return withRequestId(await handle(req, ctx), requestIdOf(req.headers));
}

/** Every sign-in attempt (password, magic link, OAuth start) is limited per IP first. */
export async function POST(req: NextRequest, ctx: Ctx) {
  return withRequestId(await limitedPost(req, ctx), requestIdOf(req.headers));
}

async function limitedPost(req: NextRequest, ctx: Ctx): Promise<Response> {
  const action = (await ctx.params).nextauth[0];
  if (action === "signin" || action === "callback") {
    const result = await rateLimit("auth:ip", clientIp(req.headers));
    if (!result.success) {
      return problemResponse(rateLimitRefusal(result, rateLimitHeaders(result), { limit: "auth:ip" }, "Too many sign-in attempts. Wait a minute and try again."));
    }
  }
  return handle(req, ctx);
}
