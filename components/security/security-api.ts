"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchAllPages } from "@/lib/api/fetch-all-pages";
import { fetchJson } from "@/lib/api/fetch-json";
import type { Page } from "@/lib/db/keyset-page";
import { queryKeys } from "@/lib/query-keys";

import type { SecurityEventView } from "@/lib/auth/security-events";
import type { SecurityOverview } from "@/lib/auth/two-factor/service";
import type { SessionView } from "@/lib/auth/user-sessions";

export type { SecurityOverview };
export type DeviceSession = SessionView;
export type SecurityEvent = SecurityEventView;
export type TwoFactorSetup = { secret: string; otpauthUrl: string; qrSvg: string };
export type RecoveryCodes = { recoveryCodes: string[] };

export function useSecurityOverview() {
  return useQuery({
    queryKey: queryKeys.security(),
    queryFn: ({ signal }) => fetchJson<SecurityOverview>("/api/v1/me/security", { signal }),
  });
}

export function useDeviceSessions() {
  return useQuery({
    queryKey: queryKeys.sessions(),
    queryFn: ({ signal }) => fetchAllPages<Page<DeviceSession>>("/api/v1/me/sessions", { signal }).then((r) => r.data),
  });
}

export function useSecurityEvents() {
  return useQuery({
    queryKey: queryKeys.securityEvents(),
    // The most recent page is the history the page shows.
    queryFn: ({ signal }) => fetchJson<Page<SecurityEvent>>("/api/v1/me/security-events", { signal }).then((r) => r.data),
  });
}
