import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { api } from "../lib/api.ts";
import { useMe, useSignOut } from "../lib/session.tsx";
import type { Meta } from "../lib/types.ts";
import { WorkspaceSwitcher } from "./workspace-switcher.tsx";

// An empty scope: every signed-in member (their own connected apps).
type NavItem = { href: string; label: string; scope: string };

const MAIN: NavItem[] = [
  { href: "/opportunities", label: "Opportunities", scope: "opportunities:read" },
  { href: "/payments", label: "Payments", scope: "invoices:read" },
  { href: "/outbox", label: "Outbox", scope: "invoices:read" },
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
  { href: "/settings/mail", label: "Mail log", scope: "invoices:read" },
  { href: "/settings/audit-log", label: "Audit log", scope: "members:write" },
];

function NavLinks({ items }: { items: NavItem[] }) {
  const [location] = useLocation();
  const { scopes } = useMe();
  return (
    <>
      {items
        .filter((item) => !item.scope || scopes.includes(item.scope))
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
