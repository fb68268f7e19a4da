import { cacheSignal } from "react";

/**
 * Lets a finished server render be collected. When React's RSC render completes it aborts the
 * render's cache signal with an Error, created inside whatever callback was running, usually a
 * `setImmediate` one. Until that Error's `.stack` is read, V8 keeps the frames' receivers
 * reachable from it, among them the Immediate, and an Immediate that has run still links the
 * Immediates queued after it (Node 20 does not unlink them), each carrying the async context, so
 * the React request, of the render that queued it. One render retained by a long-lived socket (a
 * database connection opened during a render keeps that render's context) thus held every later
 * one: about 55 kB per dashboard page, until the heap limit. Reading the stack once turns the
 * frames into a string and cuts the chain. Call it from the root layout, once per render.
 */
export function releaseRenderWhenDone(): void {
  const signal = cacheSignal();
  signal?.addEventListener(
    "abort",
    () => {
      if (signal.reason instanceof Error) void signal.reason.stack;
    },
    { once: true },
  );
}
