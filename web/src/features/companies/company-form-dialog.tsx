import { useState } from "react";
import { useLocation } from "wouter";
import { Field } from "../../components/ui/field.tsx";
import { FormDialog } from "../../components/ui/form-dialog.tsx";
import type { Company } from "../../lib/types.ts";
import { ContactPointFields } from "./contact-point-fields.tsx";
import { orNull, useSaveCompany } from "./queries.ts";

const FIELDS = ["name", "email", "phone", "website"];

type Props = { open: boolean; company: Company | null; onClose: () => void };

/** New company (then its page opens) or edit one; the server's issue shows under the field it names. */
export function CompanyFormDialog({ open, company, onClose }: Props) {
  const [, navigate] = useLocation();
  const save = useSaveCompany(company);
  const [name, setName] = useState(company?.name ?? "");
  const [email, setEmail] = useState(company?.email ?? "");
  const [phone, setPhone] = useState(company?.phone ?? "");
  const [website, setWebsite] = useState(company?.website ?? "");
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = () =>
    save.mutate(
      { name: name.trim(), email: orNull(email), phone: orNull(phone), website: orNull(website) },
      {
        onSuccess: (saved) => {
          close();
          if (!company) navigate(`/companies/${saved.id}`);
        },
      },
    );
  return (
    <FormDialog
      open={open}
      title={company ? "Edit company" : "New company"}
      testId="company-dialog"
      error={save.error}
      shownFields={FIELDS}
      busy={save.isPending}
      submitLabel={company ? "Save" : "Create"}
      submitTestId="save-company"
      onClose={close}
      onSubmit={submit}
    >
      <Field label="Name" error={save.error?.issueFor("name")}>
        {(id) => <input id={id} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <ContactPointFields email={email} phone={phone} onEmail={setEmail} onPhone={setPhone} error={save.error} />
      <Field label="Website" error={save.error?.issueFor("website")}>
        {(id) => <input id={id} value={website} onChange={(e) => setWebsite(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
