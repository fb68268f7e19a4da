import { env } from "@/lib/env";
import type { ErrorCode } from "./errors";

/** Where the API reference documents every problem type; its anchors are `problem-<code>`. */
export const PROBLEMS_PAGE = "/docs/api";

export const problemAnchor = (code: ErrorCode) => `problem-${code.replaceAll("_", "-")}`;

/**
 * RFC 9457 asks for a `type` URI that stays the same for the same problem and, ideally,
 * resolves to its documentation: the API reference's section on it, on this deployment's
 * own origin (a fork does not own the upstream project's domain).
 */
export const problemType = (code: ErrorCode) => `${env.APP_URL.replace(/\/$/, "")}${PROBLEMS_PAGE}#${problemAnchor(code)}`;
