import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { useMe, useSignOut } from "../lib/session.tsx";

type NavItem = { href: string; label: string; scope: string };

const MAIN: NavItem[] = [{ href: "/opportunities", label: "Opportunities", scope: "opportunities:read" }];
const SETTINGS: NavItem[] = [
  { href: "/settings/members", label: "Members", scope: "members:read" },
  { href: "/settings/permissions", label: "Permissions", scope: "members:read" },
  { href: "/settings/api-keys", label: "API keys", scope: "api_keys:write" },
  { href: "/settings/invoicing", label: "Invoicing", scope: "settings:write" },
  { href: "/settings/jobs", label: "Jobs", scope: "settings:write" },
];

function NavLinks({ items }: { items: NavItem[] }) {
  const [location] = useLocation();
  const { scopes } = useMe();
  return (
    <>
      {items
        .filter((item) => scopes.includes(item.scope))
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

export function Shell({ children }: { children: ReactNode }) {
  const signOut = useSignOut();
  const { scopes } = useMe();
  const hasSettings = SETTINGS.some((item) => scopes.includes(item.scope));
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">Settle</div>
        <nav className="nav" aria-label="Main">
          <NavLinks items={MAIN} />
          {hasSettings ? <div className="nav-section">Settings</div> : null}
          <NavLinks items={SETTINGS} />
          {scopes.includes("integrations:read") ? (
            <>
              <div className="nav-section">Sandboxes</div>
              {/* A plain link: the sandbox console is served by the server, outside the single-page app. */}
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
