import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { Loading } from "../../components/ui/states.tsx";
import { BrandingForm } from "./branding-form.tsx";
import { LogoField } from "./logo-field.tsx";
import { useBranding } from "./queries.ts";

/** Settings → Branding: what invoices (PDF), invoice emails and the client portal show. */
export function BrandingPage() {
  const branding = useBranding();
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Branding</h1>
          <p className="muted">
            Your name, logo, address and colours on invoices, invoice emails and the client portal.
          </p>
        </div>
      </header>
      <ErrorBanner error={branding.error} onRetry={() => void branding.refetch()} />
      <Card testId="branding-settings">
        {branding.isPending ? (
          <Loading />
        ) : branding.data ? (
          <>
            <LogoField branding={branding.data} />
            <BrandingForm branding={branding.data} />
          </>
        ) : null}
      </Card>
    </div>
  );
}
