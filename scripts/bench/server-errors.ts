const MAX_DISTINCT = 20;

/** The summary of one kind of complaint in the server's output. */
export type ServerComplaint = { message: string; count: number };

/** The message of an output line worth reporting: a JSON log line at warn or error, or Next's own "⨯ …" error lines. */
function complaintOf(line: string): string | undefined {
  if (line.startsWith("{")) {
    try {
      const entry = JSON.parse(line) as { level?: string; msg?: string; error?: { message?: string } };
      if (entry.level !== "error" && entry.level !== "warn") return undefined;
      return [entry.level, entry.msg, entry.error?.message].filter(Boolean).join(": ");
    } catch {
      return undefined;
    }
  }
  return /^\s*⨯|Error\b/.test(line) ? line.trim() : undefined;
}

/**
 * Collects what the server complained about while it was measured, by distinct message (the
 * first 20, each counted): a route's non-2xx answers are explained here, not in the client.
 */
export function serverComplaints() {
  const seen = new Map<string, number>();
  let partial = "";
  return {
    onOutput(chunk: string) {
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        const message = complaintOf(line)?.slice(0, 300);
        if (message === undefined) continue;
        if (seen.has(message) || seen.size < MAX_DISTINCT) seen.set(message, (seen.get(message) ?? 0) + 1);
      }
    },
    list: (): ServerComplaint[] => [...seen].map(([message, count]) => ({ message, count })).sort((a, b) => b.count - a.count),
  };
}
