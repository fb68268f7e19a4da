import { AppError } from "@/lib/api/errors";

/**
 * One answer for every key that does not authenticate (malformed, unknown, wrong secret,
 * expired, revoked), so a response never tells which keys exist.
 */
export const apiKeyRefused = () =>
  new AppError("unauthenticated", "The API key is malformed, unknown, expired or revoked.", {
    headers: { "www-authenticate": 'Bearer realm="tenantkit", error="invalid_token"' },
  });
