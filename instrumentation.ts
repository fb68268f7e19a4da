/**
 * Runs once when the server starts: parsing env here stops a misconfigured app before it
 * serves, requests get stamped with their peer address (lib/auth/peer-address.ts) and pages
 * with their CSP nonce (lib/security/page-headers.ts) before Next sees them, the server
 * shuts down when its output has no reader any more (lib/output-lost.ts), and the in-process
 * job worker (JOBS_WORKER=inline) starts with the server.
 */
export async function register() {
  // Written as one block (not an early return) so the Edge build drops the Node-only imports.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/env");
    const { shutDownWhenOutputIsLost } = await import("./lib/output-lost");
    shutDownWhenOutputIsLost();
    // Before any request is served: the client IP of an app with no proxy in front is its TCP
    // peer, and a page rendered without its nonce would break under its own policy.
    const [http, https, { stampRequests }, { stampPeerAddress }, { stampPageSecurity }] = await Promise.all([
      import("node:http"),
      import("node:https"),
      import("./lib/server/request-stamps"),
      import("./lib/auth/peer-address"),
      import("./lib/security/page-headers"),
    ]);
    stampRequests([http.Server, https.Server], [stampPeerAddress, stampPageSecurity]);
    const { startInlineWorker } = await import("./lib/jobs/inline");
    await startInlineWorker();
  }
}
