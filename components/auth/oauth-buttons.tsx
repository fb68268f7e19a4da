"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { GitHubIcon, GoogleIcon } from "@/components/ui/icons";

export type OAuthProviders = { github: boolean; google: boolean };

const PROVIDERS = [
  { id: "github", label: "Continue with GitHub", Icon: GitHubIcon },
  { id: "google", label: "Continue with Google", Icon: GoogleIcon },
] as const;

/** One button per provider the server has credentials for; the page passes which. */
export function OAuthButtons({ enabled, callbackUrl }: { enabled: OAuthProviders; callbackUrl: string }) {
  const [pending, setPending] = useState<string | null>(null);
  const providers = PROVIDERS.filter((p) => enabled[p.id]);
  if (providers.length === 0) return null;

  return (
    <div className="grid gap-2">
      {providers.map(({ id, label, Icon }) => (
        <Button
          key={id}
          variant="secondary"
          className="w-full"
          loading={pending === id}
          disabled={pending !== null}
          onClick={() => {
            setPending(id);
            // Leaves the page for the provider; pending stays on until the browser navigates.
            void signIn(id, { callbackUrl });
          }}
        >
          {pending !== id && <Icon />}
          {label}
        </Button>
      ))}
    </div>
  );
}
