import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import type { Contact } from "../../lib/types.ts";
import { orNull, useSaveContact } from "./queries.ts";

const FIELDS = ["name", "email", "phone"];

type Props = { open: boolean; companyId: string; contact: Contact | null; onClose: () => void };

export function ContactFormDialog({ open, companyId, contact, onClose }: Props) {
  const save = useSaveContact(contact);
  const [name, setName] = useState(contact?.name ?? "");
  const [email, setEmail] = useState(contact?.email ?? "");
  const [phone, setPhone] = useState(contact?.phone ?? "");
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { name: name.trim(), email: orNull(email), phone: orNull(phone), company_id: companyId },
      { onSuccess: close },
    );
  };
  return (
    <Dialog open={open} title={contact ? "Edit contact" : "New contact"} onClose={close} testId="contact-dialog">
      <form className="form" onSubmit={submit}>
        <ErrorBanner error={save.error} shownFields={FIELDS} />
        <Field label="Name" error={save.error?.issueFor("name")}>
          {(id) => <input id={id} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <div className="grid-2">
          <Field label="Email" error={save.error?.issueFor("email")}>
            {(id) => <input id={id} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Field label="Phone" error={save.error?.issueFor("phone")}>
            {(id) => <input id={id} value={phone} onChange={(e) => setPhone(e.target.value)} />}
          </Field>
        </div>
        <div className="form-actions">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.isPending} data-testid="save-contact">
            {contact ? "Save" : "Add contact"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
