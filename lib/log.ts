type Fields = Record<string, unknown>;
type Level = "debug" | "info" | "warn" | "error";

const withErrors = (_key: string, value: unknown) => (value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value);

/**
 * Info and debug lines wait for the end of the event loop's turn and go out in one write:
 * every request writes a line, and under load a write per line, each a system call waking
 * whatever reads the pipe, was a measurable share of a request (README, Performance).
 * Warnings and errors are written at once, and what waits is written before the process exits.
 * Next bundles this module into several server bundles; they share one buffer and one exit hook.
 */
type Pending = { lines: string };
const PENDING = Symbol.for("tenantkit.log.pending");
const scope = globalThis as typeof globalThis & { [PENDING]?: Pending };

function createPending(): Pending {
  process.on("exit", flush);
  return { lines: "" };
}

const pending: Pending = (scope[PENDING] ??= createPending());

function flush() {
  if (pending.lines === "") return;
  const lines = pending.lines;
  pending.lines = "";
  process.stdout.write(lines);
}

/**
 * Structured JSON lines; request id, org id and user id travel in `fields`. Written to the
 * streams directly rather than through `console`, which formats its arguments and which Next
 * wraps with work of its own.
 */
function write(level: Level, msg: string, fields: Fields = {}) {
  const line = `${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }, withErrors)}\n`;
  if (level === "error" || level === "warn") {
    flush();
    process.stderr.write(line);
    return;
  }
  if (pending.lines === "") setImmediate(flush);
  pending.lines += line;
}

export const log = {
  debug: (msg: string, fields?: Fields) => write("debug", msg, fields),
  info: (msg: string, fields?: Fields) => write("info", msg, fields),
  warn: (msg: string, fields?: Fields) => write("warn", msg, fields),
  error: (msg: string, fields?: Fields) => write("error", msg, fields),
};
