import { createOutboxTransport } from "./outbox.ts";
import type { MailTransport } from "./port.ts";
import { createSmtpTransport } from "./smtp.ts";

export { createOutboxTransport } from "./outbox.ts";
export * from "./port.ts";
export { createSmtpTransport } from "./smtp.ts";

/** SMTP when SMTP_URL is set, else the in-app Outbox. */
export function createMailTransport(smtpUrl: string | undefined): MailTransport {
  return smtpUrl ? createSmtpTransport(smtpUrl) : createOutboxTransport();
}
