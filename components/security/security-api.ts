"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
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
    queryFn: ({ signal }) => fetchJson<{ sessions: DeviceSession[] }>("/api/v1/me/sessions", { signal }).then((r) => r.sessions),
  });
}

export function useSecurityEvents() {
  return useQuery({
    queryKey: queryKeys.securityEvents(),
    queryFn: ({ signal }) => fetchJson<{ events: SecurityEvent[] }>("/api/v1/me/security-events", { signal }).then((r) => r.events),
  });
}
