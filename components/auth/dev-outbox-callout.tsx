import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { features } from "@/lib/env";

/** In development mail lands in the dev outbox, not in an inbox: say where to look. */
export function DevOutboxCallout() {
  if (!features.devOutbox) return null;
  return (
    <Callout className="text-left" title="Running locally?">
      <p>Email is not delivered in development. Open the outbox to find your link.</p>
      <Link href="/dev/outbox" className={buttonClasses({ variant: "secondary", size: "sm", className: "mt-3" })}>
        Open dev outbox
      </Link>
    </Callout>
  );
}
