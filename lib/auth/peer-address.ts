import type { IncomingMessage } from "node:http";

/**
 * The TCP peer's address, for route handlers. `next start` (Next 16) hides the socket from
 * them and fills X-Forwarded-For with it only when the client sent none (`??=` in Next's
 * base server), so a client that sends its own X-Forwarded-For chooses what handlers see.
 * `stampPeerAddress` (a request stamp, lib/server/request-stamps.ts) gives every request the
 * socket address in a header of its own, overwriting whatever the client sent under that name.
 * Only trust the header where `requestsStamped()` says this process wrote it.
 */
export const PEER_ADDRESS_HEADER = "x-tenantkit-peer-address";

export function stampPeerAddress(req: IncomingMessage): void {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
}
