import { Link, useLocation } from "wouter";
import { ApiError, type FieldIssue } from "../../lib/api.ts";
import { Button } from "./button.tsx";

const INTEGRATIONS = "/settings/integrations";

/**
 * A fix that asks to (re)connect Xero or Stripe gets a link straight to where that is done (unless already
 * there).
 */
function ReconnectLink({ fix }: { fix: string | undefined }) {
  const [location] = useLocation();
  if (!fix || location.startsWith(INTEGRATIONS)) return null;
  const stripe = /stripe/i.test(fix);
  if (stripe ? !/connect/i.test(fix) : !/reconnect/i.test(fix)) return null;
  const label = stripe ? (/reconnect/i.test(fix) ? "Reconnect Stripe" : "Connect Stripe") : "Reconnect Xero";
  return (
    <p className="error-fix">
      <Link href={INTEGRATIONS} className="strong" data-testid={stripe ? "connect-stripe-link" : "reconnect-xero-link"}>
        {label}
      </Link>
    </p>
  );
}

type Described = { message: string; fix?: string | undefined; requestId?: string | undefined; issues: FieldIssue[] };

function describe(error: unknown): Described {
  if (error instanceof ApiError) {
    const fix = error.fix ?? (error.status === 403 ? "Ask a workspace admin for access." : undefined);
    return { message: error.message, fix, requestId: error.requestId, issues: error.issues };
  }
  if (error instanceof Error) {
    return { message: error.message, fix: "Reload the page and try again.", issues: [] };
  }
  return { message: "Something went wrong.", fix: "Reload the page and try again.", issues: [] };
}

type Props = { error: unknown; onRetry?: () => void; shownFields?: string[] };

/** What went wrong, how to fix it, field issues not shown beside a field, and the request id for support. */
export function ErrorBanner({ error, onRetry, shownFields = [] }: Props) {
  if (!error) return null;
  const { message, fix, requestId, issues } = describe(error);
  const other = issues.filter((i) => !shownFields.some((f) => i.field === f || i.field.endsWith(`.${f}`)));
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <div>
        <strong data-testid="error-message">{message}</strong>
        {fix ? (
          <p className="error-fix" data-testid="error-fix">
            {fix}
          </p>
        ) : null}
        <ReconnectLink fix={fix} />
        {other.length > 0 ? (
          <ul className="error-issues">
            {other.map((i) => (
              <li key={`${i.field}:${i.message}`}>
                <code>{i.field}</code>: {i.message}
              </li>
            ))}
          </ul>
        ) : null}
        {requestId ? <p className="error-request">Request id {requestId}</p> : null}
      </div>
      {onRetry ? (
        <Button size="sm" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}
