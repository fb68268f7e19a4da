import { z } from "zod";
import { env } from "@/lib/env";
import type { MailMessage } from "../message";
import { describeDuration } from "./duration";
import { EmailButton, EmailLayout, headingStyle, mutedStyle, RawLink, textStyle } from "./layout";

/**
 * The two emails of a change of address, as one queueable template (registry.ts): `confirm`
 * carries the link to the NEW address; `notice` warns the CURRENT one, so a hijacked session
 * cannot move the account unnoticed. JSON only, so the expiry is an ISO string.
 */
export const emailChangePropsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("confirm"), url: z.url(), newEmail: z.email(), expiresAt: z.iso.datetime() }),
  z.object({ kind: z.literal("notice"), newEmail: z.email(), expiresAt: z.iso.datetime() }),
]);

type EmailChangeProps = z.output<typeof emailChangePropsSchema>;

export function emailChangeEmail(props: EmailChangeProps, now: Date = new Date()): MailMessage {
  const validFor = describeDuration(new Date(props.expiresAt).getTime() - now.getTime());
  return props.kind === "confirm" ? confirmation(props.url, props.newEmail, validFor) : notice(props.newEmail, validFor);
}

function confirmation(url: string, newEmail: string, validFor: string): MailMessage {
  const app = env.APP_NAME;
  const intro = `Someone, hopefully you, asked to use ${newEmail} as the email address of their ${app} account.`;
  const expiry = `The link expires in ${validFor} and works once. Confirming signs the account out on every device; sign in again with this address.`;
  const ignore = "If you did not ask for this, ignore this email: nothing changes without the link.";

  return {
    subject: `Confirm your new email address for ${app}`,
    react: (
      <EmailLayout preview={`Confirm ${newEmail} for your ${app} account`}>
        <h1 style={headingStyle}>Confirm your new email address</h1>
        <p style={textStyle}>{intro}</p>
        <p style={textStyle}>{expiry}</p>
        <EmailButton href={url}>Confirm email address</EmailButton>
        <RawLink href={url} />
        <p style={{ ...mutedStyle, margin: 0 }}>{ignore}</p>
      </EmailLayout>
    ),
    text: ["Confirm your new email address", "", intro, "", "Open this link to confirm:", url, "", expiry, "", ignore, ""].join("\n"),
  };
}

function notice(newEmail: string, validFor: string): MailMessage {
  const app = env.APP_NAME;
  const what = `We received a request to change the email address of your ${app} account to ${newEmail}. It only takes effect if the link we sent to that address is opened within ${validFor}.`;
  const ok = "If this was you, there is nothing else to do.";
  const notYou = "If it wasn't, sign in, change your password and sign out of all devices: someone else may be using your account.";

  return {
    subject: `Your ${app} email address is about to change`,
    react: (
      <EmailLayout preview={`A request to change your email to ${newEmail}`}>
        <h1 style={headingStyle}>Email change requested</h1>
        <p style={textStyle}>{what}</p>
        <p style={textStyle}>{ok}</p>
        <p style={{ ...mutedStyle, margin: 0 }}>{notYou}</p>
      </EmailLayout>
    ),
    text: ["Email change requested", "", what, "", ok, "", notYou, ""].join("\n"),
  };
}
