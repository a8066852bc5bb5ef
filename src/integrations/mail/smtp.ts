import nodemailer from "nodemailer";
import { MailDeliveryError, type MailTransport, type OutgoingMail } from "./port.ts";

type SmtpFailure = Error & { code?: string; responseCode?: number; response?: string };

/** Longest a connection, greeting or command may take, so a stuck server fails the attempt and it is retried. */
const TIMEOUT_MS = 30_000;

/**
 * SMTP through nodemailer from an `smtp://` or `smtps://user:password@host:port` URL (smtps is TLS from the
 * first byte; smtp upgrades with STARTTLS when the server offers it). One connection per message: delivery runs
 * from the job queue, a few messages at a time, so a pool would only hold idle connections open.
 */
export function createSmtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    kind: "smtp",
    async send(mail: OutgoingMail) {
      const domain = addressDomain(mail.from);
      try {
        const info = await transporter.sendMail({
          from: mail.from,
          ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
          to: mail.to.map((a) => (a.name ? { name: a.name, address: a.email } : a.email)),
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          messageId: `<${mail.id}@${domain}>`,
          attachments: mail.attachments.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
            ...(a.cid ? { cid: a.cid, contentDisposition: "inline" as const } : {}),
          })),
        });
        return { transport: "smtp", response: String(info.response ?? "250 OK") };
      } catch (error) {
        throw toDeliveryError(error as SmtpFailure);
      }
    },
    close: () => transporter.close(),
  };
}

function toDeliveryError(error: SmtpFailure): MailDeliveryError {
  const code = error.responseCode;
  const response = (error.response ?? error.message).trim();
  // Only a 5xx reply is the server's final word; connection failures and 4xx replies pass on a later attempt.
  const permanent = typeof code === "number" && code >= 500 && code < 600;
  return new MailDeliveryError(`SMTP delivery failed: ${response}`, { permanent, response, cause: error });
}

function addressDomain(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? "settle.invalid";
}
