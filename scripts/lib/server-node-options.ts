/**
 * The production server's V8 heap maximum. After each full collection V8 lets the old space
 * grow by a factor of its live size that depends on this maximum: up to 4x once it is a couple
 * of GiB (the default on a host with many GiB of memory), about 1.6x at 1 GiB. Left to the
 * default, `next start` grew past 550 MiB of RSS under 50 concurrent API requests although its
 * live heap after a full collection was about 90 MiB; at 1 GiB the same load stays near 300 MiB,
 * with full collections still rare and far from the limit. A fork that keeps more in memory
 * sets its own `--max-old-space-size` in NODE_OPTIONS.
 */
export const SERVER_MAX_OLD_SPACE_MB = 1024;

/** NODE_OPTIONS for `next start` (npm start, the test, e2e and bench servers): the caller's own, plus the heap maximum unless they set one. */
export function serverNodeOptions(nodeOptions: string | undefined): string {
  const own = nodeOptions?.trim() ?? "";
  if (/(^|\s)--max-old-space-size[=\s]/.test(own)) return own;
  return `${own} --max-old-space-size=${SERVER_MAX_OLD_SPACE_MB}`.trim();
}
