/**
 * The production server's V8 heap maximum. After each full collection V8 lets the old space
 * grow by a factor of its live size that depends on this maximum: up to 4x once it is a couple
 * of GiB (the default on a host with many GiB of memory), less at lower maximums. Left to the
 * default, `next start` grew past 550 MiB of RSS under 50 concurrent API requests although its
 * live heap after a full collection was about 90 MiB. At 1 GiB the bench's full run still peaked
 * at 480–500 MiB on a fast machine; at 512 MiB it peaked at about 455 MiB, with full collections
 * still rare and far from the limit. A fork that keeps more in memory sets its own
 * `--max-old-space-size` in NODE_OPTIONS.
 */
export const SERVER_MAX_OLD_SPACE_MB = 512;

/**
 * glibc's malloc arenas for the server process. By default glibc gives threads arenas of their
 * own, up to eight per core, and keeps what is freed in them; under 50 concurrent dashboard
 * renders that held some 50–80 MiB of RSS. With two arenas the bench's full run peaked at
 * 378 MiB against 457 with the default (both with the heap maximum above), and side by side the
 * throughput was the same.
 */
export const SERVER_MALLOC_ARENA_MAX = "2";

/** NODE_OPTIONS for `next start` (npm start, the test, e2e and bench servers): the caller's own, plus the heap maximum unless they set one. */
export function serverNodeOptions(nodeOptions: string | undefined): string {
  const own = nodeOptions?.trim() ?? "";
  if (/(^|\s)--max-old-space-size[=\s]/.test(own)) return own;
  return `${own} --max-old-space-size=${SERVER_MAX_OLD_SPACE_MB}`.trim();
}

/** What `next start` runs with on top of its environment `env`: the caller's settings win. */
export function serverEnv(env: Record<string, string | undefined>): { NODE_OPTIONS: string; MALLOC_ARENA_MAX: string } {
  return { NODE_OPTIONS: serverNodeOptions(env.NODE_OPTIONS), MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX?.trim() || SERVER_MALLOC_ARENA_MAX };
}
