import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { useConnectXero } from "./queries.ts";

type Props = { label: string; testId: string; variant?: "primary" | "danger" };

/** Connect and Reconnect are the same consent: Settle asks for Xero's page and the browser goes there. */
export function ConnectXeroButton({ label, testId, variant = "primary" }: Props) {
  const connect = useConnectXero();
  return (
    <>
      <ErrorBanner error={connect.error} />
      <Button variant={variant} busy={connect.isPending} onClick={() => connect.mutate()} data-testid={testId}>
        {label}
      </Button>
    </>
  );
}
