/** Runs once when the server starts: parsing env here stops a misconfigured app before it serves. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/env");
}
