import type { FieldError } from "./errors";

/**
 * Deeper than any input the API defines; 10k levels of `[[[…` fit in a small body and
 * would cost every recursive consumer (schemas, loggers) a stack frame per level.
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * Postgres refuses text with NUL (0x00) and cannot encode a lone UTF-16 surrogate as
 * UTF-8: either would fail the query with a 500. JSON escapes (`\u0000`, `\ud800`) and
 * `%00` in a URL produce both, so every input is walked before any schema sees it.
 */
function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain NUL characters";
  if (!text.isWellFormed()) return "must not contain unpaired UTF-16 surrogates";
  return null;
}

const joinPath = (parent: string, key: string | number) => (parent ? `${parent}.${key}` : String(key));

/** Keys are echoed in error paths: show the offending characters as U+FFFD. */
const printableKey = (key: string) => key.replaceAll("\u0000", "\uFFFD").toWellFormed();

/**
 * A string (value or object key) that cannot be stored, or a nesting deeper than
 * MAX_INPUT_DEPTH, with its path in zod's dotted form (`emails.2`). Iterative, so a deeply
 * nested value cannot exhaust the stack before it is refused.
 */
export function findUnstorableInput(input: unknown): FieldError | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: "", depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === "string") {
      const message = textProblem(value);
      if (message) return { path: path || "(root)", message };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_INPUT_DEPTH) return { path: path || "(root)", message: `is nested more than ${MAX_INPUT_DEPTH} levels deep` };
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: joinPath(path, i), depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      const keyMessage = textProblem(key);
      if (keyMessage) return { path: joinPath(path, printableKey(key)), message: `key ${keyMessage}` };
      stack.push({ value: item, path: joinPath(path, key), depth: depth + 1 });
    }
  }
  return null;
}
