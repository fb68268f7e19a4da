type Fields = Record<string, unknown>;
type Level = "debug" | "info" | "warn" | "error";

const withErrors = (_key: string, value: unknown) => (value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value);

/**
 * Structured JSON lines; request id, org id and user id travel in `fields`. Written to the
 * streams directly rather than through `console`, which formats its arguments and which Next
 * wraps with work of its own: every request writes a line.
 */
function write(level: Level, msg: string, fields: Fields = {}) {
  const line = `${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }, withErrors)}\n`;
  if (level === "error" || level === "warn") process.stderr.write(line);
  else process.stdout.write(line);
}

export const log = {
  debug: (msg: string, fields?: Fields) => write("debug", msg, fields),
  info: (msg: string, fields?: Fields) => write("info", msg, fields),
  warn: (msg: string, fields?: Fields) => write("warn", msg, fields),
  error: (msg: string, fields?: Fields) => write("error", msg, fields),
};
