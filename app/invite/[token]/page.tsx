import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationButton } from "@/components/auth/accept-invitation-button";
import { AuthCard } from "@/components/auth/auth-card";
import { ClosedInvitation, InvitationIcon } from "@/components/auth/invitation-closed";
import { InvitationSummary } from "@/components/auth/invitation-summary";
import { SwitchAccountButton } from "@/components/auth/switch-account-button";
import { buttonClasses } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { CircleCheckIcon, MailIcon } from "@/components/ui/icons";
import { getCurrentUser } from "@/lib/auth/session";
import { sameEmail } from "@/lib/invitations/accept";
import { lookupInvitation, type InvitationView } from "@/lib/invitations/lookup";
import { INVITATION_TTL_MS } from "@/lib/invitations/token";
import { describeDuration } from "@/lib/mail/templates/duration";
import { listOrgsForUser } from "@/lib/orgs/service";

// The URL carries a live token: keep it out of search engines.
export const metadata: Metadata = { title: "Invitation", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

const inviterOf = (invitation: InvitationView) => invitation.invitedBy?.name ?? invitation.invitedBy?.email ?? "An admin";

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const [found, current] = await Promise.all([lookupInvitation(token), getCurrentUser()]);
  const signedIn = current !== null;
  const here = `/invite/${encodeURIComponent(token)}`;

  if (found.state === "invalid") {
    return (
      <ClosedInvitation title="This invitation link is not valid" signedIn={signedIn}>
        The link may be incomplete. Open it again from the invitation email, or ask the person who invited you to send a new invitation.
      </ClosedInvitation>
    );
  }

  const { invitation } = found;
  const org = invitation.org.name;
  if (found.state === "expired") {
    return (
      <ClosedInvitation title="This invitation has expired" signedIn={signedIn}>
        Invitations are valid for {describeDuration(INVITATION_TTL_MS)}. Ask {inviterOf(invitation)} to resend your invitation to {org}; you&apos;ll get a new link by email.
      </ClosedInvitation>
    );
  }
  if (found.state === "revoked") {
    return (
      <ClosedInvitation title="This invitation was withdrawn" signedIn={signedIn}>
        An admin of {org} withdrew this invitation. If you still need access, ask them to invite you again.
      </ClosedInvitation>
    );
  }
  if (found.state === "accepted") {
    const member = current ? (await listOrgsForUser(current.user.id)).some((o) => o.slug === invitation.org.slug) : false;
    if (member) {
      return (
        <AuthCard
          title={`You're a member of ${org}`}
          description="This invitation has been accepted."
          icon={
            <InvitationIcon tone="info">
              <CircleCheckIcon className="size-6" />
            </InvitationIcon>
          }
        >
          <Link href={`/dashboard/${invitation.org.slug}/projects`} className={buttonClasses({ className: "w-full" })}>
            Open {org}
          </Link>
        </AuthCard>
      );
    }
    return (
      <ClosedInvitation title="This invitation has already been used" signedIn={signedIn}>
        Each invitation link works once. If you still need access to {org}, ask an admin of {org} for a new invitation.
      </ClosedInvitation>
    );
  }

  const title = `Join ${org}`;
  const description = `${inviterOf(invitation)} invited you to join ${org}.`;
  const icon = (
    <InvitationIcon tone="info">
      <MailIcon className="size-6" />
    </InvitationIcon>
  );

  if (!current) {
    return (
      <AuthCard title={title} description={description} icon={icon}>
        <div className="grid gap-5">
          <InvitationSummary invitation={invitation} />
          <div className="grid gap-2">
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={buttonClasses({ className: "w-full" })}>
              Sign in to accept
            </Link>
            <Link href={`/sign-up?invite=${encodeURIComponent(token)}`} className={buttonClasses({ variant: "secondary", className: "w-full" })}>
              Create an account
            </Link>
          </div>
          <p className="text-center text-sm text-muted-foreground">Use {invitation.email}, the address this invitation was sent to.</p>
        </div>
      </AuthCard>
    );
  }

  if (!sameEmail(invitation.email, current.user.email)) {
    return (
      <AuthCard
        title="This invitation is for another account"
        icon={icon}
        footer={
          <Link href="/dashboard" className="font-medium text-link hover:underline">
            Go to your dashboard
          </Link>
        }
      >
        <div className="grid gap-5">
          <Callout tone="info">
            This invitation was sent to <strong className="font-medium">{invitation.email}</strong>; you are signed in as{" "}
            <strong className="font-medium">{current.user.email}</strong>.
          </Callout>
          <InvitationSummary invitation={invitation} />
          <SwitchAccountButton returnTo={here} />
          <p className="text-center text-sm text-muted-foreground">
            Sign in as {invitation.email} to accept, or ask {inviterOf(invitation)} to invite {current.user.email} instead.
          </p>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={title} description={description} icon={icon}>
      <div className="grid gap-5">
        <InvitationSummary invitation={invitation} />
        <AcceptInvitationButton token={token} />
        <p className="text-center text-sm text-muted-foreground">Signed in as {current.user.email}</p>
      </div>
    </AuthCard>
  );
}
