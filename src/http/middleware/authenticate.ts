import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { AppError } from "../../lib/errors.ts";
import { resolveSessionActor } from "../../modules/access/index.ts";
import { resolveBearerActor } from "../../modules/oauth/index.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";

export const SESSION_COOKIE = "settle_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Bearer API key or OAuth access token, or the web app's session cookie. Cookie requests that change state must echo the
 * session's CSRF token in X-CSRF-Token; API keys are not sent by browsers automatically, so need none.
 */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match?.[1] ? await resolveBearerActor(deps, match[1]) : null;
      if (!actor) {
        throw new AppError("unauthorized", "The API key is missing, malformed, unknown or revoked.", {
          fix: "Send Authorization: Bearer stl_live_… with a key from Settings → API keys.",
        });
      }
      c.set("actor", actor);
      c.set("sessionId", undefined);
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await resolveSessionActor(deps, token) : null;
    if (!session) {
      throw new AppError("unauthorized", "Sign in or send an API key.", {
        fix: "Send Authorization: Bearer stl_live_… or sign in to the web app.",
      });
    }
    if (!SAFE_METHODS.has(c.req.method) && c.req.header("x-csrf-token") !== session.csrfToken) {
      throw new AppError("forbidden", "Missing or wrong X-CSRF-Token header for a signed-in request.");
    }
    c.set("actor", session.actor);
    c.set("sessionId", session.sessionId);
    c.set("csrfToken", session.csrfToken);
    return next();
  };
}
