"use client";

import { CopyButton } from "@/components/security/copy-button";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { DialogClose, DialogFooter } from "@/components/ui/dialog";

/** The signing secret, on screen this once: after creating an endpoint or rotating its secret. */
export function SecretReveal({ secret, url }: { secret: string; url: string }) {
  return (
    <div className="grid gap-4">
      <Callout tone="warning" title="You won't see this secret again">
        Your receiver checks each request&apos;s <code className="font-mono text-xs">webhook-signature</code> header with it (the Standard Webhooks
        format). Store it with the receiver&apos;s configuration; if it is lost, rotate it.
      </Callout>
      <div className="grid gap-1.5">
        <p className="truncate text-sm font-medium">{url}</p>
        <code data-testid="webhook-secret" className="rounded-lg border bg-subtle px-3 py-2.5 font-mono text-sm break-all select-all">
          {secret}
        </code>
      </div>
      <DialogFooter>
        <CopyButton value={secret} label="Copy secret" copiedMessage="Signing secret copied" />
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </DialogFooter>
    </div>
  );
}
