/**
 * What the customer-facing document covers: the versioned API under `/api/v1/`, the
 * routes the dashboard and API keys call. Left out on purpose: next-auth's own endpoints
 * (`/api/auth/*`, a browser sign-in protocol), the Stripe webhook (Stripe's to call),
 * `/api/dev/*` (local tools, 404 in production) and `/api/health` (for load balancers).
 */
export const DOCUMENTED_PREFIX = "/api/v1/";

export const isDocumented = (path: string) => path.startsWith(DOCUMENTED_PREFIX);
