import type { ReactNode } from "react";
import { Button } from "./button.tsx";
import { Dialog } from "./dialog.tsx";
import { ErrorBanner } from "./error-banner.tsx";

type Props = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  error?: unknown;
};

export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onClose, busy, error }: Props) {
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      testId="confirm-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" busy={busy} onClick={onConfirm} data-testid="confirm-button">
            {confirmLabel}
          </Button>
        </>
      }
    >
      <ErrorBanner error={error} />
      {children}
    </Dialog>
  );
}
