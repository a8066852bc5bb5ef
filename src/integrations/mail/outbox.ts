import type { MailTransport } from "./port.ts";

/**
 * The embedded default (no SMTP_URL): nothing leaves the machine. The rendered message already sits in the
 * mail log, so "delivering" it only marks it sent; the in-app Outbox shows it.
 */
export function createOutboxTransport(): MailTransport {
  return {
    kind: "outbox",
    send: async () => ({ transport: "outbox", response: "Kept in the Outbox (no SMTP_URL configured)" }),
  };
}
