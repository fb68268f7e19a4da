"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys } from "@/lib/query-keys";

/** The shapes the account-security API answers with (see docs/security.md). */
export type SecurityOverview = {
  twoFactor: { enabled: boolean; enabledAt: string | null; recoveryCodesLeft: number };
  hasPassword: boolean;
  emailVerified: boolean;
  requiredBy: { slug: string; name: string }[];
};

export type TwoFactorSetup = { secret: string; otpauthUrl: string; qrSvg: string };
export type RecoveryCodes = { recoveryCodes: string[] };

export type DeviceSession = {
  id: string;
  current: boolean;
  method: string;
  ip: string | null;
  userAgent: string | null;
  browser: string;
  os: string;
  createdAt: string;
  lastSeenAt: string;
};

export type SecurityEvent = {
  id: string;
  type: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  details: unknown;
};

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
