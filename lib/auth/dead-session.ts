import { NextRequest } from "next/server";
import { SESSION_COOKIE } from "./cookies";
import { loadLiveSession } from "./live-session";
import { getPrincipal } from "./session";

/**
 * The request without its session cookie unless that cookie names a live, fully signed-in
 * session. next-auth trusts any validly signed JWT when it links an OAuth identity at its
 * callback; a cookie that was signed out, revoked or still owes its 2FA code must not let
 * someone attach their own GitHub or Google account to another person's user.
 */
export async function withoutDeadSession(req: NextRequest): Promise<NextRequest> {
  const cookie = req.headers.get("cookie");
  if (!cookie?.includes(SESSION_COOKIE)) return req;
  const principal = await getPrincipal(req.cookies);
  const live = principal !== null && (await loadLiveSession(principal).then(() => true, () => false));
  if (live) return req;
  const headers = new Headers(req.headers);
  // Chunked JWTs are `<name>.0`, `<name>.1`…: drop every part.
  const kept = cookie.split(";").filter((part) => !part.trim().startsWith(SESSION_COOKIE));
  headers.set("cookie", kept.join(";"));
  return new NextRequest(req.url, { method: req.method, headers, body: req.body, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]);
}
