"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import type { AcceptedInvitation } from "@/lib/invitations/schemas";
import { errorMessage } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";

/** Accepts through the API, then opens the org; a refusal is shown in place. */
export function AcceptInvitationButton({ token }: { token: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function accept() {
    setError(null);
    setPending(true);
    try {
      const { org } = await fetchJson<AcceptedInvitation>("/api/v1/invitations/accept", { method: "POST", body: { token } });
      // Stay pending while the dashboard loads, so the button cannot be pressed twice.
      router.replace(safeRedirect(`/dashboard/${encodeURIComponent(org.slug)}/projects`, window.location.origin));
      router.refresh();
    } catch (e) {
      setPending(false);
      setError(errorMessage(e));
    }
  }

  return (
    <div className="grid gap-3">
      {error && <Callout tone="error">{error}</Callout>}
      <Button className="w-full" loading={pending} onClick={() => void accept()}>
        Accept invitation
      </Button>
    </div>
  );
}
