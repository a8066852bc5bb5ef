import { lazy, Suspense } from "react";
import { Redirect, Route, Switch } from "wouter";
import { Shell } from "./components/shell.tsx";
import { ErrorBanner } from "./components/ui/error-banner.tsx";
import { Loading } from "./components/ui/states.tsx";
import { InvitePage } from "./features/auth/invite-page.tsx";
import { SignInPage } from "./features/auth/sign-in-page.tsx";
import { AutomationsPage } from "./features/automations/automations-page.tsx";
import { BrandingPage } from "./features/branding/branding-page.tsx";
import { CompaniesPage } from "./features/companies/companies-page.tsx";
import { CompanyPage } from "./features/companies/company-page.tsx";
import { ImportPage } from "./features/imports/import-page.tsx";
import { IntegrationsPage } from "./features/integrations/integrations-page.tsx";
import { XeroLogPage } from "./features/integrations/xero-log-page.tsx";
import { MailLogPage } from "./features/mail/mail-log-page.tsx";
import { OutboxPage } from "./features/mail/outbox-page.tsx";
import { ConsentPage } from "./features/oauth/consent-page.tsx";
import { OpportunitiesPage } from "./features/opportunities/opportunities-page.tsx";
import { OpportunityPage } from "./features/opportunities/opportunity-page.tsx";
import { PaymentsPage } from "./features/payments/payments-page.tsx";
import { BoardPage } from "./features/pipeline/board-page.tsx";
import { StagesPage } from "./features/pipeline/stages-page.tsx";
import { ProductsPage } from "./features/products/products-page.tsx";
import { ApiKeysPage } from "./features/settings/api-keys-page.tsx";
import { AuditLogPage } from "./features/settings/audit-log-page.tsx";
import { ConnectedAppsPage } from "./features/settings/connected-apps-page.tsx";
import { InvoicingPage } from "./features/settings/invoicing-page.tsx";
import { JobsPage } from "./features/settings/jobs-page.tsx";
import { MembersPage } from "./features/settings/members-page.tsx";
import { PermissionsPage } from "./features/settings/permissions-page.tsx";
import { MeProvider, useMeQuery } from "./lib/session.tsx";
import type { Me } from "./lib/types.ts";

// The charts library is most of the dashboard's weight: it loads when the dashboard opens, not with every page.
const ReceivablesPage = lazy(() =>
  import("./features/receivables/receivables-page.tsx").then((m) => ({ default: m.ReceivablesPage })),
);

function homeFor(me: Me): string {
  if (me.scopes.includes("opportunities:read")) return "/opportunities";
  if (me.scopes.includes("members:read")) return "/settings/members";
  if (me.scopes.includes("api_keys:write")) return "/settings/api-keys";
  return "/no-access";
}

function NoAccess() {
  return (
    <div className="card">
      <h1>Nothing to show yet</h1>
      <p className="muted">Your role has no scopes that open a page here. Ask a workspace admin to add some.</p>
    </div>
  );
}

function SignedIn({ me }: { me: Me }) {
  return (
    <MeProvider me={me}>
      <Shell>
        <Switch>
          <Route path="/opportunities" component={OpportunitiesPage} />
          <Route path="/opportunities/:id">{(params) => <OpportunityPage id={params.id} />}</Route>
          <Route path="/companies" component={CompaniesPage} />
          <Route path="/companies/:id">{(params) => <CompanyPage id={params.id} />}</Route>
          <Route path="/products" component={ProductsPage} />
          <Route path="/pipeline" component={BoardPage} />
          {["companies", "contacts", "products", "opportunities"].some((e) => me.scopes.includes(`${e}:write`)) ? (
            <Route path="/import" component={ImportPage} />
          ) : null}
          {me.scopes.includes("invoices:read") ? <Route path="/payments" component={PaymentsPage} /> : null}
          {me.scopes.includes("invoices:read") ? (
            <Route path="/receivables">
              <Suspense fallback={<Loading />}>
                <ReceivablesPage />
              </Suspense>
            </Route>
          ) : null}
          {me.scopes.includes("invoices:read") ? (
            <>
              <Route path="/outbox" component={OutboxPage} />
              <Route path="/settings/mail" component={MailLogPage} />
            </>
          ) : null}
          {me.scopes.includes("automations:read") ? <Route path="/automations" component={AutomationsPage} /> : null}
          <Route path="/settings/members" component={MembersPage} />
          <Route path="/settings/permissions" component={PermissionsPage} />
          <Route path="/settings/api-keys" component={ApiKeysPage} />
          <Route path="/settings/connected-apps" component={ConnectedAppsPage} />
          <Route path="/consent" component={ConsentPage} />
          {me.scopes.includes("integrations:read") ? (
            <Route path="/settings/integrations" component={IntegrationsPage} />
          ) : null}
          {me.scopes.includes("integrations:read") ? (
            <Route path="/settings/integrations/xero/log" component={XeroLogPage} />
          ) : null}
          {me.scopes.includes("settings:write") ? (
            <>
              <Route path="/settings/invoicing" component={InvoicingPage} />
              <Route path="/settings/branding" component={BrandingPage} />
              <Route path="/settings/jobs" component={JobsPage} />
              <Route path="/settings/stages" component={StagesPage} />
            </>
          ) : null}
          {me.scopes.includes("members:write") ? <Route path="/settings/audit-log" component={AuditLogPage} /> : null}
          <Route path="/no-access" component={NoAccess} />
          <Route>
            <Redirect to={homeFor(me)} replace />
          </Route>
        </Switch>
      </Shell>
    </MeProvider>
  );
}

export function App() {
  const me = useMeQuery();
  return (
    <Switch>
      <Route path="/invite" component={InvitePage} />
      <Route>
        {me.isPending ? (
          <Loading label="Loading Settle…" />
        ) : me.isError ? (
          <div className="auth-page">
            <ErrorBanner error={me.error} onRetry={() => me.refetch()} />
          </div>
        ) : me.data ? (
          <SignedIn me={me.data} />
        ) : (
          <SignInPage />
        )}
      </Route>
    </Switch>
  );
}
