import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useCan } from "../../lib/session.tsx";
import type { Invoice } from "../../lib/types.ts";
import { useInvoiceMail } from "./queries.ts";
import "./mail.css";
import { SendInvoiceDialog } from "./send-invoice-dialog.tsx";
import type { MailMessage } from "./types.ts";

const SENDABLE: ReadonlySet<Invoice["status"]> = new Set(["DRAFT", "SUBMITTED", "AUTHORISED", "PAID"]);

function outcome(message: MailMessage): string {
  if (message.state === "queued") return message.smtp_response ? `retrying: ${message.smtp_response}` : "queued";
  if (message.state === "failed") return `failed: ${message.smtp_response ?? "no reply"}`;
  return message.transport === "outbox" ? "kept in the Outbox" : `delivered: ${message.smtp_response ?? ""}`;
}

/**
 * A native invoice's email: Send invoice (a draft) or Resend, with a contact picker, and the latest delivery
 * result per send: "Sent to … on …, delivered/failed: <the SMTP server's reply>".
 */
export function InvoiceMailPanel({ invoice, canWrite }: { invoice: Invoice; canWrite: boolean }) {
  const canRead = useCan("invoices:read");
  const [open, setOpen] = useState(false);
  const native = invoice.provider === "native";
  const mail = useInvoiceMail(invoice.id, native && canRead);
  if (!native) return null;
  const messages = mail.data?.data ?? [];
  const latest = messages.slice(0, 3);
  const sendable = canWrite && SENDABLE.has(invoice.status);
  const resend = invoice.status !== "DRAFT" && invoice.status !== "SUBMITTED";
  if (!sendable && latest.length === 0) return null;
  return (
    <div className="invoice-mail" data-testid="invoice-mail">
      {latest.map((m) => (
        <p
          key={m.id}
          className={m.state === "failed" ? "small invoice-mail-failed" : "small muted"}
          data-testid="invoice-mail-status"
          data-state={m.state}
        >
          Sent to {m.to.map((a) => a.email).join(", ")} on {formatDateTime(m.created_at)}, {outcome(m)}
        </p>
      ))}
      {sendable ? (
        <Button
          size="sm"
          onClick={() => setOpen(true)}
          data-testid={resend ? "invoice-resend-email" : "invoice-send-email"}
        >
          {resend ? "Resend" : "Send invoice"}
        </Button>
      ) : null}
      {open ? <SendInvoiceDialog invoice={invoice} resend={resend} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
