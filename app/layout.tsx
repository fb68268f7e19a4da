import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { releaseRenderWhenDone } from "@/lib/render-release";
import { NONCE_HEADER } from "@/lib/security/content-security-policy";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tenantkit — the open-source multi-tenant SaaS starter", template: "%s · Tenantkit" },
  description: "Organizations and roles, Postgres row-level security, authentication and a billing-ready data model for Next.js, wired together and tested.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  releaseRenderWhenDone();
  // The per-response CSP nonce from proxy.ts, for the theme script that runs before hydration.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    // next-themes sets the theme class on <html> before hydration, which React would flag.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        <a
          href="#main"
          className="sr-only z-[100] rounded-md bg-surface px-4 py-2 text-sm font-medium shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          Skip to content
        </a>
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
