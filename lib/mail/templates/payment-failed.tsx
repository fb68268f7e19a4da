import { z } from "zod";
import type { MailMessage } from "../message";
import { formatDay } from "./format-day";
import { EmailButton, EmailLayout, headingStyle, mutedStyle, RawLink, textStyle } from "./layout";

export const paymentFailedPropsSchema = z.object({
  orgName: z.string().min(1),
  billingUrl: z.url(),
  /** When the org turns read-only unless paid. */
  graceEndsAt: z.iso.datetime(),
  /** What was due, already formatted with its currency ("$48.00"). */
  amount: z.string().min(1).nullable(),
});

/** To the org's billing contacts when Stripe could not collect a payment: what happens next and how to stop it. */
export function paymentFailedEmail(props: z.output<typeof paymentFailedPropsSchema>): MailMessage {
  const deadline = formatDay(props.graceEndsAt);
  const what = `We could not collect ${props.amount ? `the ${props.amount} payment` : "the latest payment"} for ${props.orgName}. Stripe will try the card again over the next few days.`;
  const consequence = `If it is still unpaid on ${deadline}, ${props.orgName} becomes read-only: everyone can still see everything, but nothing can be changed until the invoice is paid.`;
  const how = "Update the payment method or pay the open invoice from the billing page.";
  return {
    subject: `Payment failed for ${props.orgName}`,
    react: (
      <EmailLayout preview={`Update the payment method before ${deadline}`}>
        <h1 style={headingStyle}>Payment failed</h1>
        <p style={textStyle}>{what}</p>
        <p style={textStyle}>{consequence}</p>
        <EmailButton href={props.billingUrl}>Update payment method</EmailButton>
        <RawLink href={props.billingUrl} />
        <p style={{ ...mutedStyle, margin: 0 }}>{how} You receive this because you manage billing for {props.orgName}.</p>
      </EmailLayout>
    ),
    text: ["Payment failed", "", what, "", consequence, "", how, props.billingUrl, ""].join("\n"),
  };
}
