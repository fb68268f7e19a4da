import { z } from "zod";
import type { MailMessage } from "../message";
import { EmailButton, EmailLayout, headingStyle, mutedStyle, RawLink, textStyle } from "./layout";

export const webhookDisabledPropsSchema = z.object({
  orgName: z.string().min(1),
  endpointUrl: z.string().min(1),
  /** Deliveries in a row that gave up. */
  failures: z.number().int().positive(),
  /** The last attempt's answer or error, as the delivery log shows it. */
  lastError: z.string().min(1),
  endpointPageUrl: z.url(),
});

/** To the org's owners and admins, once, when repeated failures switched a webhook endpoint off. */
export function webhookDisabledEmail(props: z.output<typeof webhookDisabledPropsSchema>): MailMessage {
  const what = `${props.failures} webhook ${props.failures === 1 ? "delivery" : "deliveries"} in a row to ${props.endpointUrl} failed after every retry, so ${props.orgName} no longer sends events there.`;
  const last = `The last attempt: ${props.lastError}`;
  const how = "Once the receiver works again, enable the endpoint from its page; you can then replay the deliveries it missed from its delivery log.";
  return {
    subject: `Webhook endpoint disabled for ${props.orgName}`,
    react: (
      <EmailLayout preview={`Events are no longer sent to ${props.endpointUrl}`}>
        <h1 style={headingStyle}>Webhook endpoint disabled</h1>
        <p style={textStyle}>{what}</p>
        <p style={textStyle}>{last}</p>
        <EmailButton href={props.endpointPageUrl}>Open the endpoint</EmailButton>
        <RawLink href={props.endpointPageUrl} />
        <p style={{ ...mutedStyle, margin: 0 }}>{how} You receive this because you manage webhooks for {props.orgName}.</p>
      </EmailLayout>
    ),
    text: ["Webhook endpoint disabled", "", what, "", last, "", how, props.endpointPageUrl, ""].join("\n"),
  };
}
