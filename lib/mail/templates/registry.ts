import { z } from "zod";
import type { MailMessage } from "../message";
import { emailChangeEmail, emailChangePropsSchema } from "./email-change";
import { invitationEmail, invitationPropsSchema } from "./invitation";
import { magicLinkEmail } from "./magic-link";
import { accountExistsEmail, accountExistsPropsSchema } from "./account-exists";
import { paymentFailedEmail, paymentFailedPropsSchema } from "./payment-failed";
import { trialEndingEmail, trialEndingPropsSchema } from "./trial-ending";
import { verifyEmailEmail, verifyEmailPropsSchema } from "./verify-email";
import { webhookDisabledEmail, webhookDisabledPropsSchema } from "./webhook-disabled";

/**
 * The emails that can be queued (lib/mail/queue.ts), by name. A queued email travels as JSON
 * in a job and is rendered by the worker, so each entry pairs a zod schema of JSON-only props
 * (checked when queued and again when rendered) with the function that renders them.
 *
 * Adding an email is one entry; props that are not JSON (a Date, say) are converted in `render`:
 *
 *   invitation: template(invitationPropsSchema, (props) => invitationEmail(props)),
 */
export const templates = {
  "magic-link": template(z.object({ url: z.url(), expires: z.iso.datetime() }), (props) =>
    magicLinkEmail({ url: props.url, expires: new Date(props.expires) }),
  ),
  invitation: template(invitationPropsSchema, (props) => invitationEmail({ ...props, expiresAt: new Date(props.expiresAt) })),
  "email-change": template(emailChangePropsSchema, (props) => emailChangeEmail(props)),
  "verify-email": template(verifyEmailPropsSchema, (props) => verifyEmailEmail(props)),
  "account-exists": template(accountExistsPropsSchema, (props) => accountExistsEmail(props)),
  "payment-failed": template(paymentFailedPropsSchema, (props) => paymentFailedEmail(props)),
  "trial-ending": template(trialEndingPropsSchema, (props) => trialEndingEmail(props)),
  "webhook-disabled": template(webhookDisabledPropsSchema, (props) => webhookDisabledEmail(props)),
};

export type TemplateName = keyof typeof templates;
/** What a caller passes to `queueMail` for this template. */
export type TemplateProps<T extends TemplateName> = z.input<(typeof templates)[T]["schema"]>;

type JsonObject = { [key: string]: z.core.util.JSONType };
type PropsSchema = z.ZodType<JsonObject>;

type Template<S extends PropsSchema> = {
  schema: S;
  // Method syntax on purpose: its parameter is checked bivariantly, which lets
  // `renderTemplate` treat every entry alike after `schema` has parsed the props.
  render(props: z.output<S>): MailMessage;
};

/** Ties `render`'s argument to the schema's output, and refuses schemas whose output is not JSON. */
function template<S extends PropsSchema>(schema: S, render: (props: z.output<S>) => MailMessage): Template<S> {
  return { schema, render };
}

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}

/** Validates `props` against the template's schema (throws a ZodError) and renders the message. */
export function renderTemplate(name: TemplateName, props: unknown): MailMessage {
  const entry: Template<PropsSchema> = templates[name];
  return entry.render(entry.schema.parse(props));
}
