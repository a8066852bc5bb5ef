import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { useDisconnectStripe } from "./queries.ts";

/** Disconnecting deauthorizes Settle on the account; links already sent and the payment log stay. */
export function DisconnectStripe({ accountName }: { accountName: string }) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const disconnect = useDisconnectStripe();
  const close = () => {
    setOpen(false);
    disconnect.reset();
  };
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)} data-testid="disconnect-stripe">
        Disconnect
      </Button>
      <ConfirmDialog
        open={open}
        title={`Disconnect ${accountName}?`}
        confirmLabel="Disconnect Stripe"
        onConfirm={() =>
          disconnect.mutate(undefined, {
            onSuccess: () => {
              toast("Stripe disconnected");
              close();
            },
          })
        }
        onClose={close}
        busy={disconnect.isPending}
        error={disconnect.error}
      >
        <p>Settle stops making payment links and no longer hears about payments on this Stripe account.</p>
        <p className="muted">The payment log stays. Invoices already paid stay paid.</p>
      </ConfirmDialog>
    </>
  );
}
