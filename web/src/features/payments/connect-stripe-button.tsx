import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { useConnectStripe } from "./queries.ts";

/** Connect and Connect again are the same consent: Settle asks for Stripe's page and the browser goes there. */
export function ConnectStripeButton({ label }: { label: string }) {
  const connect = useConnectStripe();
  return (
    <>
      <ErrorBanner error={connect.error} />
      <div>
        <Button
          variant="primary"
          busy={connect.isPending}
          onClick={() => connect.mutate()}
          data-testid="connect-stripe"
        >
          {label}
        </Button>
      </div>
    </>
  );
}
