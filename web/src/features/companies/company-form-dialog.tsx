import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { Button } from "../../components/ui/button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Field } from "../../components/ui/field.tsx";
import type { Company } from "../../lib/types.ts";
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
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { name: name.trim(), email: orNull(email), phone: orNull(phone), website: orNull(website) },
      {
        onSuccess: (saved) => {
          close();
          if (!company) navigate(`/companies/${saved.id}`);
        },
      },
    );
  };
  return (
    <Dialog open={open} title={company ? "Edit company" : "New company"} onClose={close} testId="company-dialog">
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
        <Field label="Website" error={save.error?.issueFor("website")}>
          {(id) => <input id={id} value={website} onChange={(e) => setWebsite(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={save.isPending} data-testid="save-company">
            {company ? "Save" : "Create"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
