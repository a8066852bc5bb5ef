import type { FormEvent, ReactNode } from "react";
import { Button } from "./button.tsx";
import { Dialog } from "./dialog.tsx";
import { ErrorBanner } from "./error-banner.tsx";

type Props = {
  open: boolean;
  title: string;
  testId: string;
  /** The save's error: issues for `shownFields` show beside their fields, the rest in the banner. */
  error: unknown;
  shownFields: string[];
  busy: boolean;
  submitLabel: string;
  submitTestId: string;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
};

/** A create-or-edit form in a dialog: the error banner on top, the fields, then Cancel and the submit button. */
export function FormDialog(props: Props) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onClose} testId={props.testId}>
      <form className="form" onSubmit={submit}>
        <ErrorBanner error={props.error} shownFields={props.shownFields} />
        {props.children}
        <div className="form-actions">
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={props.busy} data-testid={props.submitTestId}>
            {props.submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
