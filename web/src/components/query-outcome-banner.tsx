import { useLocation, useSearch } from "wouter";
import { Button } from "./ui/button.tsx";

export type Outcome = { title: string; detail: string; ok: boolean };

/**
 * The outcome a provider's consent page came back with (`?<param>=…`), as a banner; dismissing it drops the
 * query. `read` turns the query value into words, or null for a value it does not know.
 */
export function QueryOutcomeBanner({
  param,
  read,
  testId,
}: {
  param: string;
  read: (value: string) => Outcome | null;
  testId: string;
}) {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const value = new URLSearchParams(search).get(param);
  const outcome = value === null ? null : read(value);
  if (!outcome || value === null) return null;
  return (
    <div
      className={outcome.ok ? "notice" : "error-banner"}
      role={outcome.ok ? "status" : "alert"}
      data-testid={testId}
      data-outcome={value}
    >
      <div>
        <strong>{outcome.title}</strong>
        <p className="error-fix">{outcome.detail}</p>
      </div>
      <Button size="sm" variant="ghost" onClick={() => navigate(location, { replace: true })}>
        Dismiss
      </Button>
    </div>
  );
}
