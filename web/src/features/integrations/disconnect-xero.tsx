import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { useDisconnectXero } from "./queries.ts";

/** Disconnecting revokes Settle's access; invoices already in Xero stay there and native invoicing returns. */
export function DisconnectXero({ tenantName }: { tenantName: string }) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const disconnect = useDisconnectXero();
  const close = () => {
    setOpen(false);
    disconnect.reset();
  };
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)} data-testid="disconnect-xero">
        Disconnect
      </Button>
      <ConfirmDialog
        open={open}
        title={`Disconnect ${tenantName}?`}
        confirmLabel="Disconnect Xero"
        onConfirm={() =>
          disconnect.mutate(undefined, {
            onSuccess: () => {
              toast("Xero disconnected");
              close();
            },
          })
        }
        onClose={close}
        busy={disconnect.isPending}
        error={disconnect.error}
      >
        <p>Settle stops raising, paying and syncing invoices in Xero. Invoices already there stay in Xero.</p>
        <p className="muted">The New invoice button comes back on opportunities, for native invoices.</p>
      </ConfirmDialog>
    </>
  );
}
