import { clientIp, isLoopback, normalizeIp } from "./client-ip";
import { requestsStamped } from "@/lib/server/request-stamps";
import { PEER_ADDRESS_HEADER } from "./peer-address";

/**
 * A request made on this machine: the TCP peer, the client IP under the deployment's proxy
 * settings and every address a proxy recorded are all loopback. A proxy on the same host
 * is a loopback peer too, which is why the forwarded addresses must be loopback as well.
 * Without a stamped peer (instrumentation not run, or a platform that hides the socket) the
 * answer is no.
 */
export function isLocalRequest(headers: Headers): boolean {
  const peer = requestsStamped() ? normalizeIp(headers.get(PEER_ADDRESS_HEADER) ?? undefined) : undefined;
  if (!peer || !isLoopback(peer) || !isLoopback(clientIp(headers))) return false;
  const recorded = [...(headers.get("x-forwarded-for") ?? "").split(","), headers.get("x-real-ip") ?? ""].map((entry) => entry.trim()).filter(Boolean);
  return recorded.every((entry) => {
    const ip = normalizeIp(entry);
    return ip !== undefined && isLoopback(ip);
  });
}
