import { Field } from "../../components/ui/field.tsx";
import type { ApiError } from "../../lib/api.ts";

type Props = {
  email: string;
  phone: string;
  onEmail: (value: string) => void;
  onPhone: (value: string) => void;
  error: ApiError | null;
};

/** Email and phone side by side, as companies and contacts both carry them. */
export function ContactPointFields({ email, phone, onEmail, onPhone, error }: Props) {
  return (
    <div className="grid-2">
      <Field label="Email" error={error?.issueFor("email")}>
        {(id) => <input id={id} type="email" value={email} onChange={(e) => onEmail(e.target.value)} />}
      </Field>
      <Field label="Phone" error={error?.issueFor("phone")}>
        {(id) => <input id={id} value={phone} onChange={(e) => onPhone(e.target.value)} />}
      </Field>
    </div>
  );
}
