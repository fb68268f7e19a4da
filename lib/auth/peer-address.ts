import type { IncomingMessage } from "node:http";

/**
 * The TCP peer's address, for route handlers. `next start` (Next 16) hides the socket from
 * them and fills X-Forwarded-For with it only when the client sent none (`??=` in Next's
 * base server), so a client that sends its own X-Forwarded-For chooses what handlers see.
 * `capturePeerAddresses` (run from instrumentation.ts) stamps every request with the socket
 * address in a header of its own, overwriting whatever the client sent under that name.
 */
export const PEER_ADDRESS_HEADER = "x-tenantkit-peer-address";

// Route handlers are bundled apart from instrumentation.ts: the flag lives on globalThis so
// that they can tell whether the header was stamped by this process.
const CAPTURING = Symbol.for("tenantkit.peer-address.capturing");
type Flagged = typeof globalThis & { [CAPTURING]?: boolean };

/** Whether requests reaching this process carry the stamped header (false until instrumentation ran). */
export function peerAddressesCaptured(): boolean {
  return (globalThis as Flagged)[CAPTURING] === true;
}

type ServerClass = { prototype: { emit(event: string | symbol, ...args: unknown[]): boolean } };

/** Patches `emit` of the given server classes (node:http's and node:https' Server) once per process. */
export function capturePeerAddresses(serverClasses: ServerClass[]): void {
  if (peerAddressesCaptured()) return;
  for (const ServerClass of serverClasses) {
    const emit = ServerClass.prototype.emit;
    ServerClass.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request") {
        const req = args[0] as IncomingMessage;
        req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    };
  }
  (globalThis as Flagged)[CAPTURING] = true;
}
