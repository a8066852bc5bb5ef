import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { SearchBox } from "../features/search/search-box.tsx";
import { api } from "../lib/api.ts";
import { useMe, useSignOut } from "../lib/session.tsx";
import type { Meta } from "../lib/types.ts";
import { WorkspaceSwitcher } from "./workspace-switcher.tsx";

/**
 * Shown with `scope`, or with any of `anyOf` when given (Import needs a write scope for some list); an empty
 * scope is every signed-in member's (their own connected apps).
 */
type NavItem = { href: string; label: string; scope: string; anyOf?: string[] };

const allows = (scopes: string[], item: NavItem) =>
  item.anyOf ? item.anyOf.some((s) => scopes.includes(s)) : !item.scope || scopes.includes(item.scope);

const MAIN: NavItem[] = [
  { href: "/opportunities", label: "Opportunities", scope: "opportunities:read" },
  { href: "/pipeline", label: "Pipeline", scope: "opportunities:read" },
  { href: "/companies", label: "Companies", scope: "companies:read" },
  { href: "/products", label: "Products", scope: "products:read" },
  {
    href: "/import",
    label: "Import",
    scope: "companies:write",
    anyOf: ["companies:write", "contacts:write", "products:write", "opportunities:write"],
  },
  { href: "/receivables", label: "Receivables", scope: "invoices:read" },
  { href: "/payments", label: "Payments", scope: "invoices:read" },
  { href: "/outbox", label: "Outbox", scope: "invoices:read" },
  { href: "/automations", label: "Automations", scope: "automations:read" },
];
const SETTINGS: NavItem[] = [
  { href: "/settings/members", label: "Members", scope: "members:read" },
  { href: "/settings/permissions", label: "Permissions", scope: "members:read" },
  { href: "/settings/api-keys", label: "API keys", scope: "api_keys:write" },
  { href: "/settings/connected-apps", label: "Connected apps", scope: "" },
  { href: "/settings/invoicing", label: "Invoicing", scope: "settings:write" },
  { href: "/settings/branding", label: "Branding", scope: "settings:write" },
  { href: "/settings/integrations", label: "Integrations", scope: "integrations:read" },
  { href: "/settings/jobs", label: "Jobs", scope: "settings:write" },
  { href: "/settings/stages", label: "Stages", scope: "settings:write" },
  { href: "/settings/mail", label: "Mail log", scope: "invoices:read" },
  { href: "/settings/audit-log", label: "Audit log", scope: "members:write" },
];

function NavLinks({ items }: { items: NavItem[] }) {
  const [location] = useLocation();
  const { scopes } = useMe();
  return (
    <>
      {items
        .filter((item) => allows(scopes, item))
        .map((item) => (
          <Link
            key={item.href}
            href={item.href}
            className={location.startsWith(item.href) ? "nav-link active" : "nav-link"}
            data-testid={`nav-${item.label.toLowerCase().replace(/\s+/g, "-")}`}
          >
            {item.label}
          </Link>
        ))}
    </>
  );
}

/** Whether the server mounts the local sandboxes (SETTLE_SANDBOXES); the link stays hidden until it says so. */
function useSandboxesMounted(): boolean {
  const meta = useQuery({
    queryKey: ["meta"],
    queryFn: () => api<Meta>("/meta"),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return meta.data?.sandboxes === true;
}

export function Shell({ children }: { children: ReactNode }) {
  const signOut = useSignOut();
  const { scopes } = useMe();
  const sandboxes = useSandboxesMounted();
  const hasSettings = SETTINGS.some((item) => !item.scope || scopes.includes(item.scope));
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">Settle</div>
        <WorkspaceSwitcher />
        {scopes.includes("companies:read") ? <SearchBox /> : null}
        <nav className="nav" aria-label="Main">
          <NavLinks items={MAIN} />
          {hasSettings ? <div className="nav-section">Settings</div> : null}
          <NavLinks items={SETTINGS} />
          {sandboxes && scopes.includes("integrations:read") ? (
            <>
              <div className="nav-section">Sandboxes</div>
              {/* A plain link: the console is served by the server, outside the single-page app, and asks for
                  its access link (printed at start) unless this browser already holds its cookie. */}
              <a className="nav-link" href="/sandbox/xero/console" data-testid="nav-xero-sandbox">
                Xero sandbox
              </a>
            </>
          ) : null}
        </nav>
        <button type="button" className="nav-link sign-out" onClick={signOut} data-testid="sign-out">
          Sign out
        </button>
      </aside>
      <main className="main">{children}</main>
    </div>
  );
}
