import { z } from "zod";
import { Role } from "@/lib/db/generated/enums";
import { env } from "@/lib/env";
import type { MailMessage } from "../message";
import { describeDuration } from "./duration";
import { EmailButton, EmailLayout, headingStyle, mutedStyle, RawLink, textStyle } from "./layout";

/** The props as they travel in a queued job (registry.ts): JSON only, so the expiry is an ISO string. */
export const invitationPropsSchema = z.object({
  orgName: z.string().min(1),
  inviterName: z.string().min(1).nullable(),
  role: z.enum(Role),
  url: z.url(),
  expiresAt: z.iso.datetime(),
});

export type InvitationEmailProps = {
  orgName: string;
  /** Who sent it, as the invitee knows them (name, else email); null when that account is gone. */
  inviterName: string | null;
  role: Role;
  /** `${APP_URL}/invite/<token>`: the only place the token travels. */
  url: string;
  expiresAt: Date;
};

const ROLE_WORDS: Record<Role, string> = { owner: "an owner", admin: "an admin", member: "a member", viewer: "a viewer" };

/** The email an admin's invitation sends (and resends, with a new link). */
export function invitationEmail({ orgName, inviterName, role, url, expiresAt }: InvitationEmailProps, now: Date = new Date()): MailMessage {
  const app = env.APP_NAME;
  const who = inviterName ?? "A teammate";
  const invite = `${who} invited you to join ${orgName} on ${app} as ${ROLE_WORDS[role]}.`;
  const expiry = `The invitation expires in ${describeDuration(expiresAt.getTime() - now.getTime())} and works once.`;
  const ignore = "If you were not expecting this, you can ignore this email: nothing happens unless you accept.";

  return {
    subject: `${who} invited you to join ${orgName} on ${app}`,
    react: (
      <EmailLayout preview={invite}>
        <h1 style={headingStyle}>{`Join ${orgName} on ${app}`}</h1>
        <p style={textStyle}>{invite}</p>
        <p style={textStyle}>{`Accept to sign in or create your account. ${expiry}`}</p>
        <EmailButton href={url}>Accept invitation</EmailButton>
        <RawLink href={url} />
        <p style={{ ...mutedStyle, margin: 0 }}>{ignore}</p>
      </EmailLayout>
    ),
    text: [`Join ${orgName} on ${app}`, "", invite, "", "Open this link to accept:", url, "", expiry, "", ignore, ""].join("\n"),
  };
}
