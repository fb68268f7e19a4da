import { z } from "zod";
import { env } from "@/lib/env";
import type { MailMessage } from "../message";
import { describeDuration } from "./duration";
import { EmailButton, EmailLayout, headingStyle, mutedStyle, RawLink, textStyle } from "./layout";

export const verifyEmailPropsSchema = z.object({ url: z.url(), expiresAt: z.iso.datetime() });

/** Sent after a password sign-up: the account signs in with its password once the link is opened. */
export function verifyEmailEmail(props: z.output<typeof verifyEmailPropsSchema>, now: Date = new Date()): MailMessage {
  const app = env.APP_NAME;
  const expiry = `The link expires in ${describeDuration(new Date(props.expiresAt).getTime() - now.getTime())} and works once.`;
  const intro = `Confirm that this is your address to finish creating your ${app} account.`;
  const ignore = "If you did not sign up, ignore this email: the account cannot be used without this link.";
  return {
    subject: `Verify your email for ${app}`,
    react: (
      <EmailLayout preview={`Verify your email for ${app}`}>
        <h1 style={headingStyle}>Verify your email</h1>
        <p style={textStyle}>{`${intro} ${expiry}`}</p>
        <EmailButton href={props.url}>Verify my email</EmailButton>
        <RawLink href={props.url} />
        <p style={{ ...mutedStyle, margin: 0 }}>{ignore}</p>
      </EmailLayout>
    ),
    text: ["Verify your email", "", intro, "", "Open this link:", props.url, "", expiry, "", ignore, ""].join("\n"),
  };
}
