import { z } from "zod";
import { env } from "@/lib/env";
import type { MailMessage } from "../message";
import { EmailButton, EmailLayout, headingStyle, mutedStyle, RawLink, textStyle } from "./layout";

export const accountExistsPropsSchema = z.object({ signInUrl: z.url(), reason: z.enum(["sign-up", "email-change"]) });

/**
 * Sent instead of an error when someone signs up with, or moves an account to, an address that
 * already has an account: the page says the same thing either way, so nobody learns which
 * addresses are registered, and the owner learns what happened.
 */
export function accountExistsEmail(props: z.output<typeof accountExistsPropsSchema>): MailMessage {
  const app = env.APP_NAME;
  const what =
    props.reason === "sign-up"
      ? `Someone, probably you, tried to create a ${app} account with this address. You already have one.`
      : `Someone asked to move another ${app} account to this address. This address already has an account, so nothing changed.`;
  const how = "Sign in with your password, or ask for a sign-in link sent to this address. Forgot your password? Sign in with a link, then set a new one in your account settings.";
  const ignore = "If this was not you, you can ignore this email: your account is unchanged.";
  return {
    subject: `You already have a ${app} account`,
    react: (
      <EmailLayout preview={`You already have a ${app} account`}>
        <h1 style={headingStyle}>You already have an account</h1>
        <p style={textStyle}>{what}</p>
        <p style={textStyle}>{how}</p>
        <EmailButton href={props.signInUrl}>{`Sign in to ${app}`}</EmailButton>
        <RawLink href={props.signInUrl} />
        <p style={{ ...mutedStyle, margin: 0 }}>{ignore}</p>
      </EmailLayout>
    ),
    text: ["You already have an account", "", what, "", how, "", props.signInUrl, "", ignore, ""].join("\n"),
  };
}
