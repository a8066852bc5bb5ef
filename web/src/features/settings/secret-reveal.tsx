import { Button } from "../../components/ui/button.tsx";
import { CopyButton } from "../../components/ui/copy-button.tsx";
import { Dialog } from "../../components/ui/dialog.tsx";
import type { CreatedApiKey } from "../../lib/types.ts";

/** The one and only time the secret is on screen. */
export function SecretReveal({
  open,
  created,
  onClose,
}: {
  open: boolean;
  created: CreatedApiKey;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      title={`API key “${created.name}” created`}
      onClose={onClose}
      testId="api-key-secret-dialog"
      footer={
        <Button variant="primary" onClick={onClose} data-testid="secret-done">
          I have copied it
        </Button>
      }
    >
      <p className="warning" role="note">
        Copy this key now. It is shown only once: Settle stores only a hash and cannot show it again.
      </p>
      <div className="secret-box">
        <code data-testid="api-key-secret">{created.key}</code>
        <CopyButton text={created.key} />
      </div>
      <p className="muted">
        {created.scopes.length} scope{created.scopes.length === 1 ? "" : "s"}: {created.scopes.join(", ")}
      </p>
    </Dialog>
  );
}
