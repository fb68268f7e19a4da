import type { ReactElement } from "react";

/** What a template produces and `sendMail` delivers: one email, ready to render. */
export type MailMessage = {
  subject: string;
  /** The HTML part as a React element; rendered once and used by Resend and the dev outbox alike. */
  react: ReactElement;
  /** The plain-text part, written by the template rather than derived, so links stay exact. */
  text: string;
};
