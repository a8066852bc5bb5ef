import { type ReactNode, useId } from "react";

type Props = {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: (id: string, describedBy: string | undefined) => ReactNode;
};

/** A label, its control and the server's issue for that field right beneath it. */
export function Field({ label, error, hint, children }: Props) {
  const id = useId();
  const messageId = `${id}-msg`;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {children(id, error || hint ? messageId : undefined)}
      {error ? (
        <p className="field-error" id={messageId} role="alert" data-testid="field-error">
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint" id={messageId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
