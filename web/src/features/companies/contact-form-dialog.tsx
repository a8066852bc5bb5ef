import { useState } from "react";
import { Field } from "../../components/ui/field.tsx";
import { FormDialog } from "../../components/ui/form-dialog.tsx";
import type { Contact } from "../../lib/types.ts";
import { ContactPointFields } from "./contact-point-fields.tsx";
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
  const submit = () =>
    save.mutate(
      { name: name.trim(), email: orNull(email), phone: orNull(phone), company_id: companyId },
      { onSuccess: close },
    );
  return (
    <FormDialog
      open={open}
      title={contact ? "Edit contact" : "New contact"}
      testId="contact-dialog"
      error={save.error}
      shownFields={FIELDS}
      busy={save.isPending}
      submitLabel={contact ? "Save" : "Add contact"}
      submitTestId="save-contact"
      onClose={close}
      onSubmit={submit}
    >
      <Field label="Name" error={save.error?.issueFor("name")}>
        {(id) => <input id={id} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <ContactPointFields email={email} phone={phone} onEmail={setEmail} onPhone={setPhone} error={save.error} />
    </FormDialog>
  );
}
