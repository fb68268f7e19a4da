import { env } from "@/lib/env";
import type { MailMessage } from "../message";
import { describeDuration } from "./duration";
import { EmailButton, EmailLayout, headingStyle, mutedStyle, RawLink, textStyle } from "./layout";

export type MagicLinkProps = {
  /** next-auth's callback URL carrying the one-time token. */
  url: string;
  /** When the token expires (next-auth's `expires`). */
  expires: Date;
};

/** The sign-in link next-auth's email provider sends. */
export function magicLinkEmail({ url, expires }: MagicLinkProps, now: Date = new Date()): MailMessage {
  const app = env.APP_NAME;
  const validFor = describeDuration(expires.getTime() - now.getTime());
  const expiry = `The link expires in ${validFor} and works once.`;
  const ignore = "If you did not ask to sign in, ignore this email: nobody can sign in without the link.";

  return {
    subject: `Sign in to ${app}`,
    react: (
      <EmailLayout preview={`Your sign-in link for ${app}`}>
        <h1 style={headingStyle}>{`Sign in to ${app}`}</h1>
        <p style={textStyle}>{`Click the button below to sign in. ${expiry}`}</p>
        <EmailButton href={url}>{`Sign in to ${app}`}</EmailButton>
        <RawLink href={url} />
        <p style={{ ...mutedStyle, margin: 0 }}>{ignore}</p>
      </EmailLayout>
    ),
    text: [`Sign in to ${app}`, "", "Open this link to sign in:", url, "", expiry, "", ignore, ""].join("\n"),
  };
}
