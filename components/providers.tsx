"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ThemeProvider, useTheme } from "next-themes";
import { useState, type ReactNode } from "react";
import type { $ZodConfig } from "zod/v4/core";
import { ApiError } from "@/lib/api/fetch-json";
import { ReauthProvider } from "@/components/security/reauth-provider";
import { Toaster } from "@/components/ui/toast";

// Zod probes for eval with `Function("")` when it builds an object schema; under the page's
// CSP (no 'unsafe-eval') that probe is a reported violation. Browsers parse small forms, so
// skip the JIT there; the server keeps it. Zod reads its settings from this global and
// supports setting them there before it loads (its `GlobalThisWithConfig`): unlike
// `z.config`, that needs none of zod in the first load, where no schema is.
if (typeof window !== "undefined") {
  const scope = globalThis as typeof globalThis & { __zod_globalConfig?: $ZodConfig };
  (scope.__zod_globalConfig ??= {}).jitless = true;
}

/**
 * A revoked or expired session makes every API call fail: send the user to sign in once.
 * A session that still owes its two-factor code goes to that step instead, and a member of
 * an org that has just started requiring two-factor authentication goes to set it up.
 */
function redirectIfSignedOut(error: unknown) {
  if (!(error instanceof ApiError)) return;
  const here = `${window.location.pathname}${window.location.search}`;
  const back = encodeURIComponent(here);
  const org = /^\/dashboard\/([^/]+)/.exec(window.location.pathname)?.[1];
  let target: string | undefined;
  if (error.problem.status === 401) target = `${error.problem.code === "two_factor_pending" ? "/sign-in/two-factor" : "/sign-in"}?callbackUrl=${back}`;
  else if (error.problem.code === "two_factor_required" && org) target = `/account/security?required=${org}&callbackUrl=${back}`;
  // A full page load on purpose: it drops every cached query of the old session.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  if (target) window.location.assign(target);
}

function createQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: redirectIfSignedOut }),
    mutationCache: new MutationCache({ onError: redirectIfSignedOut }),
    defaultOptions: {
      queries: {
        // Server components hand over fresh first pages; don't refetch them on mount.
        staleTime: 30_000,
        // A 4xx will not fix itself; only retry what might be transient.
        retry: (failures, error) => !(error instanceof ApiError && error.problem.status < 500) && failures < 2,
      },
    },
  });
}

function ThemedToaster() {
  const { resolvedTheme } = useTheme();
  return <Toaster theme={resolvedTheme === "dark" ? "dark" : "light"} position="bottom-right" closeButton richColors />;
}

export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  // One client per browser tab, created lazily so server renders never share one.
  const [queryClient] = useState(createQueryClient);
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      <QueryClientProvider client={queryClient}>
        <ReauthProvider>{children}</ReauthProvider>
        <ThemedToaster />
      </QueryClientProvider>
    </ThemeProvider>
  );
}
