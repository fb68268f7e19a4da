import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { AppError } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie-authenticated writes (next-auth's token covers only its own
 * routes). Browsers send Origin and Sec-Fetch-Site on every cross-site write; a request
 * with neither comes from a non-browser client, which a CSRF attack cannot be.
 */
export function assertSameOrigin(req: NextRequest): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw crossSite();
  const origin = req.headers.get("origin");
  if (origin && origin !== new URL(env.APP_URL).origin && origin !== req.nextUrl.origin) throw crossSite();
}

const crossSite = () => new AppError("forbidden", "Cross-site requests cannot change data.");
