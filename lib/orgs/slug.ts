import { z } from "zod";

/** Words that are, or may become, top-level routes or would confuse users in a URL. */
const RESERVED = new Set(["new", "api", "app", "admin", "dashboard", "settings", "account", "auth", "login", "signup", "sign-in", "sign-up", "www", "help", "support", "billing", "pricing", "dev", "static", "_next"]);

export const SLUG_MIN = 3;
export const SLUG_MAX = 48;

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(SLUG_MIN, `must be at least ${SLUG_MIN} characters`)
  .max(SLUG_MAX, `must be at most ${SLUG_MAX} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "may contain lowercase letters, digits and single hyphens, not at either end")
  .refine((s) => !RESERVED.has(s), "is reserved");

/** A URL-safe slug from a display name; callers add a suffix when it is taken. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX - 7)
    .replace(/-+$/g, "");
  const padded = base.length >= SLUG_MIN ? base : `${base || "org"}-org`.replace(/^-/, "");
  return RESERVED.has(padded) ? `${padded}-org` : padded;
}

export function withSuffix(slug: string, suffix: string): string {
  return `${slug.slice(0, SLUG_MAX - suffix.length - 1)}-${suffix}`;
}
