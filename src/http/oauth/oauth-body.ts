import type { Context } from "hono";

/**
 * OAuth clients post the token and revocation endpoints as form data (RFC 6749 §4.1.3), some as JSON; both are
 * read into a flat record of strings. Anything else reads as empty, which the verbs report as missing fields.
 */
export async function oauthBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const parsed: unknown = await c.req.json();
      return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    }
    if (type.includes("application/x-www-form-urlencoded")) {
      return Object.fromEntries(new URLSearchParams(await c.req.text()));
    }
  } catch {
    return {};
  }
  return {};
}
