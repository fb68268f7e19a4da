import Link from "next/link";
import type { ReactNode } from "react";
import { AlertTriangleIcon } from "@/components/ui/icons";
import { AuthCard } from "./auth-card";

/** The round icon above an invitation card's title: information, or a problem. */
export function InvitationIcon({ tone, children }: { tone: "info" | "warning"; children: ReactNode }) {
  const colours = tone === "info" ? "bg-primary/10 text-link" : "bg-danger/10 text-danger-text";
  return <span className={`inline-flex size-12 items-center justify-center rounded-full ${colours}`}>{children}</span>;
}

/** Expired, withdrawn, used or unknown: say what happened and who can fix it, never an error page. */
export function ClosedInvitation({ title, children, signedIn }: { title: string; children: ReactNode; signedIn: boolean }) {
  return (
    <AuthCard
      title={title}
      icon={
        <InvitationIcon tone="warning">
          <AlertTriangleIcon className="size-6" />
        </InvitationIcon>
      }
      footer={
        <Link href={signedIn ? "/dashboard" : "/sign-in"} className="font-medium text-link hover:underline">
          {signedIn ? "Go to your dashboard" : "Sign in"}
        </Link>
      }
    >
      <p className="text-center text-sm leading-6 text-muted-foreground">{children}</p>
    </AuthCard>
  );
}
