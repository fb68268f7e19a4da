import { randomBytes } from "node:crypto";

/** What every part of the local Stripe stand-in shares: ids, clocks and Stripe-shaped errors. */

export type Json = Record<string, unknown>;

export class StripeFailure extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

export const missing = (kind: string, id: string) => new StripeFailure(404, "invalid_request_error", `No such ${kind}: '${id}'`, "resource_missing", "id");
export const required = (param: string) => new StripeFailure(400, "invalid_request_error", `Missing required param: ${param}.`, "parameter_missing", param);

export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "0")}`;
export const now = () => Math.floor(Date.now() / 1000);
export const DAY = 86_400;
export const MONTH = 30 * DAY;

/** The subscription's one item: the app sells a single per-seat price. */
export const firstItem = (subscription: Json) => (subscription.items as { data: Json[] }).data[0]!;
