import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import { acceptInvite, activeWorkspacesOf, login, logout, switchWorkspace } from "../../modules/access/index.ts";
import { ctxOf, originOf } from "../ctx.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { SESSION_COOKIE } from "../middleware/authenticate.ts";
import { clientIp, rateLimit } from "../middleware/rate-limit.ts";
import { json } from "../openapi.ts";

const LoginBody = z.strictObject({
  email: z.string().max(254),
  password: z.string().max(200),
  workspace_id: z
    .string()
    .max(64)
    .optional()
    .openapi({ description: "Sign in to this workspace (default: the first by name)" }),
});
const AcceptBody = z.strictObject({
  token: z.string().max(200),
  password: z.string().max(200),
  name: z.string().max(120).optional(),
});
const WorkspaceChoiceSchema = z.object({ id: z.string(), name: z.string() });
const SessionSchema = z.object({
  csrf_token: z.string(),
  expires_at: z.string(),
  workspace_id: z.string().openapi({ description: "The workspace this session acts in" }),
  workspaces: z.array(WorkspaceChoiceSchema).openapi({ description: "Every workspace the person belongs to" }),
});
const AcceptedSchema = z.object({ email: z.string(), workspace_id: z.string(), workspace_name: z.string() });
const tags = ["Session"];

function isSecure(deps: AppDeps, url: string): boolean {
  return deps.cookieSecure === "auto" ? url.startsWith("https:") : deps.cookieSecure;
}

/** Web sign-in: an HttpOnly SameSite=Lax cookie plus a CSRF token the app echoes on writes. */
export function publicSessionRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(
    "/session",
    rateLimit(deps.loginRateLimitPerMinute, (c) => `login:${clientIp(c)}`),
  );
  // Accepting checks a token and may hash a password: limited per IP like sign-in, so neither is guessable.
  app.use(
    "/invites/accept",
    rateLimit(deps.loginRateLimitPerMinute, (c) => `accept:${clientIp(c)}`),
  );
  return app
    .openapi(
      createRoute({
        method: "post",
        path: "/session",
        tags,
        summary: "Sign in with email and password",
        request: { body: { required: true, content: { "application/json": { schema: LoginBody } } } },
        responses: { 200: json(SessionSchema, "Signed in; the session cookie is set") },
      }),
      async (c) => {
        const session = await login({ ...deps, origin: originOf(c) }, c.req.valid("json"));
        setCookie(c, SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: "Lax",
          secure: isSecure(deps, c.req.url),
          path: "/",
          expires: session.expiresAt,
        });
        return c.json(
          {
            csrf_token: session.csrfToken,
            expires_at: session.expiresAt.toISOString(),
            workspace_id: session.workspaceId,
            workspaces: session.workspaces,
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/invites/accept",
        tags,
        summary: "Accept an invite: a new account sets its password, an existing one signs in with its own",
        request: { body: { required: true, content: { "application/json": { schema: AcceptBody } } } },
        responses: { 200: json(AcceptedSchema, "The membership is active; sign in to use it") },
      }),
      async (c) => c.json(await acceptInvite({ ...deps, origin: originOf(c) }, c.req.valid("json")), 200),
    );
}

export function privateSessionRoutes(deps: AppDeps) {
  const MeSchema = z.object({
    workspace_id: z.string(),
    user_id: z.string().nullable(),
    actor: z.enum(["member", "api_key", "system"]),
    scopes: z.array(z.string()),
    csrf_token: z.string().nullable(),
    workspaces: z
      .array(WorkspaceChoiceSchema)
      .openapi({ description: "For a signed-in person, every workspace they can switch to" }),
  });
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: "get",
        path: "/me",
        tags,
        summary: "Who am I: workspace, scopes and the CSRF token",
        security: [{ bearerAuth: [] }, { sessionCookie: [] }],
        responses: { 200: json(MeSchema, "The caller") },
      }),
      async (c) => {
        const actor = c.get("actor");
        const userId = actor.kind === "system" ? null : actor.userId;
        const workspaces = actor.kind === "member" ? await activeWorkspacesOf(deps.db, actor.userId) : [];
        return c.json(
          {
            workspace_id: actor.workspaceId,
            user_id: userId,
            actor: actor.kind,
            scopes: [...actor.scopes],
            csrf_token: c.get("csrfToken") ?? null,
            workspaces,
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/session/workspace",
        tags,
        summary: "Switch the signed-in session to another of the person's workspaces",
        security: [{ sessionCookie: [] }],
        request: {
          body: {
            required: true,
            content: { "application/json": { schema: z.strictObject({ workspace_id: z.string().max(64) }) } },
          },
        },
        responses: { 200: json(z.object({ workspace_id: z.string() }), "The session now acts in that workspace") },
      }),
      async (c) => c.json(await switchWorkspace(ctxOf(c), c.get("sessionId"), c.req.valid("json")), 200),
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/session",
        tags,
        summary: "Sign out",
        security: [{ sessionCookie: [] }],
        responses: { 204: { description: "Signed out" } },
      }),
      async (c) => {
        const sessionId = c.get("sessionId");
        if (sessionId) {
          await logout(deps, sessionId);
        }
        deleteCookie(c, SESSION_COOKIE, { path: "/" });
        return c.body(null, 204);
      },
    );
}
