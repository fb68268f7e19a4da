import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "./errors";

const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** What problem.ts sends for every refusal: RFC 9457 members plus Tenantkit's own. */
export const problemSchema = z.looseObject({
  /** A URI per `code`, resolving to the API reference's section on it. */
  type: z.url(),
  title: z.string(),
  status: z.number().int(),
  /** What happened and what to do next, for people. */
  detail: z.string(),
  /** Stable and machine-readable: switch on this. */
  code: z.enum(ERROR_CODES),
  /** For invalid input: each field that failed, in zod's dotted path form (`emails.2`). */
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** The X-Request-Id of the request; quote it to support. */
  requestId: z.string().optional(),
});
