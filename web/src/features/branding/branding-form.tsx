import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { BRANDING_KEY } from "./queries.ts";
import type { Branding, BrandingPatch } from "./types.ts";

const FIELDS = ["display_name", "address", "tax_number", "payment_terms", "accent_color", "reply_to"];
const HEX = /^#[0-9a-fA-F]{6}$/;

/** Name, address, tax number, payment terms, accent colour and reply-to, saved together. */
export function BrandingForm({ branding }: { branding: Branding }) {
  const client = useQueryClient();
  const toast = useToast();
  const [displayName, setDisplayName] = useState(branding.display_name ?? "");
  const [address, setAddress] = useState(branding.address ?? "");
  const [taxNumber, setTaxNumber] = useState(branding.tax_number ?? "");
  const [terms, setTerms] = useState(branding.payment_terms ?? "");
  const [accent, setAccent] = useState(branding.accent_color);
  const [replyTo, setReplyTo] = useState(branding.reply_to ?? "");
  const save = useMutation<Branding, ApiError>({
    mutationFn: () => {
      // Empty strings clear a field on the server; the colour is sent as typed and checked there.
      const body: BrandingPatch = {
        display_name: displayName,
        address,
        tax_number: taxNumber,
        payment_terms: terms,
        accent_color: accent,
        reply_to: replyTo.trim() === "" ? null : replyTo.trim(),
      };
      return api("/branding", { method: "PATCH", body });
    },
    onSuccess: (saved) => {
      client.setQueryData(BRANDING_KEY, saved);
      toast("Branding saved");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="form settings-form" onSubmit={submit} data-testid="branding-form">
      <ErrorBanner error={save.error} shownFields={FIELDS} />
      <Field
        label="Name on invoices"
        error={save.error?.issueFor("display_name")}
        hint={`Leave empty to use the workspace's name (${branding.name}).`}
      >
        {(id, describedBy) => (
          <input
            id={id}
            maxLength={200}
            value={displayName}
            aria-describedby={describedBy}
            onChange={(e) => setDisplayName(e.target.value)}
            data-testid="branding-display-name"
          />
        )}
      </Field>
      <Field label="Address" error={save.error?.issueFor("address")}>
        {(id, describedBy) => (
          <textarea
            id={id}
            rows={3}
            maxLength={1000}
            value={address}
            aria-describedby={describedBy}
            onChange={(e) => setAddress(e.target.value)}
            data-testid="branding-address"
          />
        )}
      </Field>
      <Field label="Tax number" error={save.error?.issueFor("tax_number")} hint="e.g. your VAT, GST or ABN number.">
        {(id, describedBy) => (
          <input
            id={id}
            maxLength={100}
            value={taxNumber}
            aria-describedby={describedBy}
            onChange={(e) => setTaxNumber(e.target.value)}
            data-testid="branding-tax-number"
          />
        )}
      </Field>
      <Field
        label="Payment terms"
        error={save.error?.issueFor("payment_terms")}
        hint="Printed at the foot of every invoice, e.g. bank details and when payment is due."
      >
        {(id, describedBy) => (
          <textarea
            id={id}
            rows={3}
            maxLength={2000}
            value={terms}
            aria-describedby={describedBy}
            onChange={(e) => setTerms(e.target.value)}
            data-testid="branding-payment-terms"
          />
        )}
      </Field>
      <Field label="Accent colour" error={save.error?.issueFor("accent_color")} hint="Headings and the Pay now button.">
        {(id, describedBy) => (
          <div style={{ display: "flex", gap: 8, alignItems: "center" }}>
            <input
              type="color"
              aria-label="Pick the accent colour"
              value={HEX.test(accent) ? accent.toLowerCase() : "#2f6fed"}
              onChange={(e) => setAccent(e.target.value)}
              data-testid="branding-accent-picker"
            />
            <input
              id={id}
              maxLength={7}
              size={8}
              value={accent}
              aria-describedby={describedBy}
              onChange={(e) => setAccent(e.target.value)}
              data-testid="branding-accent"
            />
          </div>
        )}
      </Field>
      <Field
        label="Reply-to address"
        error={save.error?.issueFor("reply_to")}
        hint="Replies to invoice emails go here."
      >
        {(id, describedBy) => (
          <input
            id={id}
            type="email"
            maxLength={254}
            value={replyTo}
            aria-describedby={describedBy}
            onChange={(e) => setReplyTo(e.target.value)}
            data-testid="branding-reply-to"
          />
        )}
      </Field>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={save.isPending} data-testid="save-branding">
          Save
        </Button>
      </div>
    </form>
  );
}
