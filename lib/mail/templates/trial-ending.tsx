import { z } from "zod";
import type { MailMessage } from "../message";
import { formatDay } from "./format-day";
import { EmailButton, EmailLayout, headingStyle, mutedStyle, RawLink, textStyle } from "./layout";

export const trialEndingPropsSchema = z.object({
  orgName: z.string().min(1),
  planName: z.string().min(1),
  billingUrl: z.url(),
  trialEnd: z.iso.datetime(),
});

/** To the org's billing contacts a few days before a trial ends (Stripe's trial_will_end). */
export function trialEndingEmail(props: z.output<typeof trialEndingPropsSchema>): MailMessage {
  const day = formatDay(props.trialEnd);
  const what = `The ${props.planName} trial for ${props.orgName} ends on ${day}. From then on the subscription is charged per seat to the payment method on file.`;
  const how = "Check the seats and the payment method on the billing page, or cancel there before the trial ends to stay on the Free plan.";
  return {
    subject: `Your ${props.planName} trial ends on ${day}`,
    react: (
      <EmailLayout preview={`The ${props.planName} trial for ${props.orgName} ends on ${day}`}>
        <h1 style={headingStyle}>Your trial ends on {day}</h1>
        <p style={textStyle}>{what}</p>
        <p style={textStyle}>{how}</p>
        <EmailButton href={props.billingUrl}>Review billing</EmailButton>
        <RawLink href={props.billingUrl} />
        <p style={{ ...mutedStyle, margin: 0 }}>You receive this because you manage billing for {props.orgName}.</p>
      </EmailLayout>
    ),
    text: [`Your trial ends on ${day}`, "", what, "", how, props.billingUrl, ""].join("\n"),
  };
}
