"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import { errorMessage } from "@/components/forms/field-errors";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { AlertTriangleIcon, CircleCheckIcon, MailIcon } from "@/components/ui/icons";
import { AuthCard } from "./auth-card";

type Tone = "info" | "ok" | "problem";

const ICONS = { info: MailIcon, ok: CircleCheckIcon, problem: AlertTriangleIcon };
const COLOURS: Record<Tone, string> = {
  info: "bg-primary/10 text-link",
  ok: "bg-emerald-500/10 text-emerald-600 dark:text-emerald-400",
  problem: "bg-amber-500/10 text-amber-600 dark:text-amber-400",
};

function Card({ tone, title, children }: { tone: Tone; title: string; children: ReactNode }) {
  const Icon = ICONS[tone];
  return (
    <AuthCard
      title={title}
      icon={
        <span className={cn("inline-flex size-12 items-center justify-center rounded-full", COLOURS[tone])}>
          <Icon className="size-6" />
        </span>
      }
    >
      <div className="grid gap-6 text-center">{children}</div>
    </AuthCard>
  );
}

const text = (children: ReactNode) => <p className="text-sm leading-6 text-muted-foreground">{children}</p>;
const signInLink = (href: string, label: string) => (
  <Link href={href} className={buttonClasses({ className: "w-full" })}>
    {label}
  </Link>
);

/** "Verify my email", then the next step: sign in with the address filled in, or what went wrong. */
export function VerifyEmailPanel({ token }: { token?: string }) {
  const verify = useMutation({
    mutationFn: (value: string) => fetchJson<{ email: string }>("/api/v1/verify-email", { method: "POST", body: { token: value } }),
  });

  if (!token) {
    return (
      <Card tone="problem" title="This link is incomplete">
        {text("Open the link from the email again, or copy all of it into the address bar. Signing in sends a new link if you need one.")}
        {signInLink("/sign-in", "Go to sign in")}
      </Card>
    );
  }

  if (verify.isSuccess) {
    const { email } = verify.data;
    return (
      <Card tone="ok" title="Email verified">
        {text(
          <>
            <strong className="font-medium text-foreground wrap-anywhere">{email}</strong> is confirmed. Sign in with your password to start.
          </>,
        )}
        {signInLink(`/sign-in?email=${encodeURIComponent(email)}`, "Sign in")}
      </Card>
    );
  }

  if (verify.isError) {
    return (
      <Card tone="problem" title="We couldn't verify your email">
        {text(
          <>
            {errorMessage(verify.error)} Sign in with your email and password to get a new link.
          </>,
        )}
        {signInLink("/sign-in", "Go to sign in")}
      </Card>
    );
  }

  return (
    <Card tone="info" title="Verify your email">
      {text("Confirm that this address is yours to finish setting up your account.")}
      <Button className="w-full" loading={verify.isPending} onClick={() => verify.mutate(token)}>
        Verify my email
      </Button>
    </Card>
  );
}
