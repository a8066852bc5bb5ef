import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Loading } from "../../components/ui/states.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import type { Invoice } from "../../lib/types.ts";
import { useOpportunity } from "../opportunities/queries.ts";
import { useCompanyContacts, useSendInvoiceEmail } from "./queries.ts";

/**
 * Who receives the invoice: the company's contacts with an email, the opportunity's primary contact ticked by
 * default. Sending a draft approves it; each recipient gets their own client portal link.
 */
export function SendInvoiceDialog({
  invoice,
  resend,
  onClose,
}: {
  invoice: Invoice;
  resend: boolean;
  onClose: () => void;
}) {
  const toast = useToast();
  const opportunity = useOpportunity(invoice.opportunity_id);
  const contacts = useCompanyContacts(opportunity.data?.company_id);
  const send = useSendInvoiceEmail(invoice);
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const primary = opportunity.data?.primary_contact_id ?? null;
  const chosen = picked ?? new Set(primary ? [primary] : []);
  const options = contacts.data?.data ?? [];
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };
  const submit = () =>
    send.mutate(
      { contact_ids: [...chosen] },
      {
        onSuccess: (i) => {
          toast(`${i.number} emailed to ${chosen.size === 1 ? "1 contact" : `${chosen.size} contacts`}`);
          onClose();
        },
      },
    );
  return (
    <Dialog
      open
      title={resend ? `Resend ${invoice.number}` : `Send ${invoice.number}`}
      onClose={onClose}
      testId="send-invoice-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            busy={send.isPending}
            disabled={chosen.size === 0}
            onClick={submit}
            data-testid="send-invoice-confirm"
          >
            {resend ? "Resend invoice" : "Send invoice"}
          </Button>
        </>
      }
    >
      <ErrorBanner error={send.error ?? contacts.error ?? opportunity.error} />
      {!resend ? (
        <p className="muted">Sending approves the draft: it becomes Awaiting payment and its lines are invoiced.</p>
      ) : null}
      {opportunity.isPending || contacts.isPending ? (
        <Loading />
      ) : options.length === 0 ? (
        <p className="muted">The company has no contacts yet. Add one with an email to send the invoice.</p>
      ) : (
        <fieldset className="mail-recipients" data-testid="send-invoice-recipients">
          <legend>Send to</legend>
          {options.map((c) => (
            <label key={c.id} className="check">
              <input
                type="checkbox"
                checked={chosen.has(c.id)}
                disabled={!c.email}
                onChange={() => toggle(c.id)}
                data-testid="send-invoice-contact"
                data-contact-id={c.id}
              />
              <span>
                {c.name}{" "}
                {c.email ? <span className="muted">{c.email}</span> : <span className="muted">(no email)</span>}
                {c.id === primary ? <span className="muted"> · primary</span> : null}
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </Dialog>
  );
}
