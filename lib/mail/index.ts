export { MailError, type MailErrorCode } from "./mail-error";
export type { MailMessage } from "./message";
export { sendMail, type SendMailOptions, type SentMail } from "./send";
