import { AppError } from "../../lib/errors.ts";

/** Every permission in Settle (SPEC §3). Adding one here never adds it to an existing API key. */
export const SCOPES = [
  "opportunities:read",
  "opportunities:write",
  "opportunities:delete",
  "companies:read",
  "companies:write",
  "contacts:read",
  "contacts:write",
  "products:read",
  "products:write",
  "invoices:read",
  "invoices:write",
  "automations:read",
  "automations:write",
  "integrations:read",
  "integrations:write",
  "members:read",
  "members:write",
  "settings:write",
  "api_keys:write",
] as const;
export type Scope = (typeof SCOPES)[number];

const SCOPE_SET: ReadonlySet<string> = new Set(SCOPES);

/** `deals:*` is the legacy name of `opportunities:*` wherever scopes are given. */
const ALIASES: Record<string, Scope> = {
  "deals:read": "opportunities:read",
  "deals:write": "opportunities:write",
  "deals:delete": "opportunities:delete",
};

export const ACCEPTED_SCOPE_NAMES: readonly string[] = [...SCOPES, ...Object.keys(ALIASES)];

export function isScope(value: string): value is Scope {
  return SCOPE_SET.has(value);
}

/** Turns user-given scope names into canonical scopes, rejecting unknown names with the allowed list. */
export function normaliseScopes(names: readonly string[], field = "scopes"): Scope[] {
  const out = new Set<Scope>();
  for (const name of names) {
    const scope = ALIASES[name] ?? (isScope(name) ? name : undefined);
    if (!scope) {
      throw new AppError("invalid_input", `Unknown scope "${name}".`, {
        issues: [{ field, message: `unknown scope "${name}"`, allowed: ACCEPTED_SCOPE_NAMES }],
      });
    }
    out.add(scope);
  }
  return SCOPES.filter((s) => out.has(s));
}

const EDITOR_EXCLUDED: ReadonlySet<Scope> = new Set([
  "members:write",
  "settings:write",
  "api_keys:write",
  "integrations:write",
]);

export const PRESET_SCOPES = {
  admin: [...SCOPES] as Scope[],
  // SPEC §3: every read and write scope except the four that administer the workspace (so no :delete).
  editor: SCOPES.filter((s) => (s.endsWith(":read") || s.endsWith(":write")) && !EDITOR_EXCLUDED.has(s)),
  viewer: SCOPES.filter((s) => s.endsWith(":read")),
} satisfies Record<"admin" | "editor" | "viewer", Scope[]>;

/** The one permission check every surface (REST, web, MCP, jobs) goes through. */
export function hasScope(granted: ReadonlySet<Scope>, scope: Scope): boolean {
  return granted.has(scope);
}

export function requireScope(granted: ReadonlySet<Scope>, scope: Scope): void {
  if (!granted.has(scope)) {
    throw new AppError("insufficient_scope", `This action needs the ${scope} scope.`, {
      details: { required_scope: scope },
      fix: `Ask a workspace admin to add ${scope} to your role (Settings → Permissions) or to this API key (Settings → API keys).`,
    });
  }
}
