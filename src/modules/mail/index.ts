export { type MailBranding, mailBrandingOf } from "./branding-of.ts";
export { type DeliveryContext, type DeliveryOutcome, deliverMail } from "./deliver-mail.ts";
export { getMail, type MailDetailRow } from "./get-mail.ts";
export { escapeHtml } from "./html.ts";
export { ListMailInput, listMail, type MailSummaryRow } from "./list-mail.ts";
export { defaultMailFrom, mailSettingsOf } from "./mail-settings.ts";
export { MAIL_DELIVER_JOB, MAIL_MAX_ATTEMPTS, type QueuedMail, queueMail } from "./queue-mail.ts";
export { renderInvitationMail } from "./render-invitation-mail.ts";
export { type InvoiceMailData, renderInvoiceMail } from "./render-invoice-mail.ts";
