import type { IncomingMessage, ServerResponse } from "node:http";

/** Work done on every request before Next sees it: headers of ours on the request, headers on its response. */
export type RequestStamp = (req: IncomingMessage, res: ServerResponse) => void;

type ServerClass = { prototype: { emit(event: string | symbol, ...args: unknown[]): boolean } };

// Route handlers and proxy.ts are bundled apart from instrumentation.ts: the flag lives on
// globalThis so that they can tell whether this process stamps its requests.
const STAMPING = Symbol.for("tenantkit.request-stamps");
type Flagged = typeof globalThis & { [STAMPING]?: boolean };

/** Whether requests reaching this process went through `stampRequests` (false until instrumentation ran, and on hosts that hide the Node server). */
export function requestsStamped(): boolean {
  return (globalThis as Flagged)[STAMPING] === true;
}

/**
 * Patches `emit` of the given server classes (node:http's and node:https' Server) once per
 * process, so that every "request" event passes through `stamps` first. This is the one place
 * that sees the socket and the raw request before Next: `next start` and the standalone
 * server both serve through these classes.
 */
export function stampRequests(serverClasses: ServerClass[], stamps: RequestStamp[]): void {
  if (requestsStamped()) return;
  for (const ServerClass of serverClasses) {
    const emit = ServerClass.prototype.emit;
    ServerClass.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request") for (const stamp of stamps) stamp(args[0] as IncomingMessage, args[1] as ServerResponse);
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    };
  }
  (globalThis as Flagged)[STAMPING] = true;
}
