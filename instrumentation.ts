/**
 * Runs once when the server starts: parsing env here stops a misconfigured app before it
 * serves, requests get stamped with their peer address (lib/auth/peer-address.ts), the server
 * shuts down when its output has no reader any more (lib/output-lost.ts), and the in-process
 * job worker (JOBS_WORKER=inline) starts with the server.
 */
export async function register() {
  // Written as one block (not an early return) so the Edge build drops the Node-only imports.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/env");
    const { shutDownWhenOutputIsLost } = await import("./lib/output-lost");
    shutDownWhenOutputIsLost();
    // Before any request is served: the client IP of an app with no proxy in front is its TCP peer.
    const [http, https, { capturePeerAddresses }] = await Promise.all([import("node:http"), import("node:https"), import("./lib/auth/peer-address")]);
    capturePeerAddresses([http.Server, https.Server]);
    const { startInlineWorker } = await import("./lib/jobs/inline");
    await startInlineWorker();
  }
}
