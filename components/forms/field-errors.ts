import type { ZodError } from "zod";
import { ApiError } from "@/lib/api/fetch-json";

/** Errors keyed by field, plus `form` for what belongs to no single field. */
export type FieldErrors<K extends string> = Partial<Record<K | "form", string>>;

type Issue = { path: string; message: string };

/**
 * Our schemas word their messages as fragments ("is required") so that the API can say
 * "name is required" and the form can say "Name is required."; full sentences pass as-is.
 */
function sentence(label: string, message: string): string {
  if (/^[A-Z]/.test(message)) return message;
  return `${label} ${message}${/[.!?]$/.test(message) ? "" : "."}`;
}

function collect<K extends string>(issues: Issue[], labels: Record<K, string>, fallback?: string): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  const isField = (path: string): path is K => Object.hasOwn(labels, path);
  for (const { path, message } of issues) {
    if (isField(path)) errors[path] ??= sentence(labels[path], message);
    else errors.form ??= message.endsWith(".") ? message : `${message}.`;
  }
  if (fallback && Object.keys(errors).length === 0) errors.form = fallback;
  return errors;
}

/** Field errors from a failed `safeParse` of the same schema the API uses. */
export function zodFieldErrors<K extends string>(error: ZodError, labels: Record<K, string>): FieldErrors<K> {
  return collect(
    error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    labels,
  );
}

/** Field errors from the API's problem+json `errors`, else its `detail` as a form error. */
export function apiFieldErrors<K extends string>(error: unknown, labels: Record<K, string>): FieldErrors<K> {
  if (!(error instanceof ApiError)) {
    const errors: FieldErrors<K> = {};
    errors.form = errorMessage(error);
    return errors;
  }
  return collect(error.problem.errors ?? [], labels, error.problem.detail);
}

/** A message a person can act on, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail;
  return "Something went wrong. Check your connection and try again.";
}
