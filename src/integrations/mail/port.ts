/** The mail port: what delivery hands a transport, and how a transport reports the server's answer. */
export type OutgoingAttachment = {
  filename: string;
  content: Buffer;
  contentType: string;
  /** Set for inline images referenced from the HTML as `cid:<cid>`. */
  cid?: string;
};

export type OutgoingMail = {
  /** Settle's message id, sent as the Message-ID's local part so replies and bounces can be traced. */
  id: string;
  from: string;
  replyTo: string | null;
  to: { email: string; name: string | null }[];
  subject: string;
  html: string;
  text: string;
  attachments: OutgoingAttachment[];
};

export type DeliveryReceipt = { transport: "smtp" | "outbox"; response: string };

/**
 * A refusal or failure the transport could name. `permanent` is SMTP's 5xx (the server will not accept this
 * message, so retrying only repeats the refusal); 4xx replies and connection failures are temporary.
 */
export class MailDeliveryError extends Error {
  readonly permanent: boolean;
  readonly response: string;

  constructor(message: string, options: { permanent: boolean; response: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "MailDeliveryError";
    this.permanent = options.permanent;
    this.response = options.response;
  }
}

export type MailTransport = {
  kind: "smtp" | "outbox";
  send(mail: OutgoingMail): Promise<DeliveryReceipt>;
  close?(): void;
};
