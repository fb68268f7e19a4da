import Link from "next/link";
import type { ReactNode } from "react";
import type { EmailChangeOutcome } from "@/lib/account/email-change-confirm";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { AlertTriangleIcon, CircleCheckIcon } from "@/components/ui/icons";

type View = { ok: boolean; title: string; body: ReactNode; action: { href: string; label: string } };

const SETTINGS = { href: "/account", label: "Go to account settings" };
const strong = (text: string) => <strong className="font-medium text-foreground wrap-anywhere">{text}</strong>;

function view(outcome: EmailChangeOutcome): View {
  switch (outcome.status) {
    case "confirmed":
      return {
        ok: true,
        title: "Email address changed",
        body: <>Your account now uses {strong(outcome.email)}. To be safe we signed you out everywhere: sign in again with your new address.</>,
        action: { href: "/sign-in?callbackUrl=%2Faccount", label: "Sign in" },
      };
    case "already-confirmed":
      return { ok: true, title: "Already confirmed", body: <>Your account already uses {strong(outcome.email)}. There is nothing more to do.</>, action: SETTINGS };
    case "used":
      return { ok: false, title: "This link has been used", body: "Each confirmation link works once. To change your address, request a new link from your account settings.", action: SETTINGS };
    case "expired":
      return { ok: false, title: "This link has expired", body: <>Confirmation links work for one hour. Request a new link to {strong(outcome.email)} from your account settings.</>, action: SETTINGS };
    case "taken":
      return { ok: false, title: "That address is in use", body: <>{strong(outcome.email)} now belongs to another account, so your account keeps its current address. Choose another one in your account settings.</>, action: SETTINGS };
    case "invalid":
      return { ok: false, title: "This link doesn't work", body: "It may be incomplete, or a newer request replaced it: only the most recent link works. Open the link from your latest email, or request a new one.", action: SETTINGS };
  }
}

/** What opening an email-change link did, and the one thing to do next. */
export function ConfirmEmailResult({ outcome }: { outcome: EmailChangeOutcome }) {
  const { ok, title, body, action } = view(outcome);
  const Icon = ok ? CircleCheckIcon : AlertTriangleIcon;
  return (
    <AuthCard
      title={title}
      icon={
        <span
          className={cn(
            "inline-flex size-12 items-center justify-center rounded-full",
            ok ? "bg-emerald-500/10 text-emerald-600 dark:text-emerald-400" : "bg-amber-500/10 text-amber-600 dark:text-amber-400",
          )}
        >
          <Icon className="size-6" />
        </span>
      }
    >
      <div className="grid gap-6 text-center">
        <p className="text-sm leading-6 text-muted-foreground">{body}</p>
        <Link href={action.href} className={buttonClasses({ className: "w-full" })}>
          {action.label}
        </Link>
      </div>
    </AuthCard>
  );
}
