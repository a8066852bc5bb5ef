import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { ConnectedAppSchema, ConsentSchema, toConnectedAppDto } from "../../dto/oauth.ts";
import {
  approveAuthorization,
  describeAuthorization,
  listGrants,
  redirectWith,
  revokeGrant,
} from "../../modules/oauth/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { body, IdParam, json } from "../openapi.ts";

const tags = ["Connected apps"];
// Only the person, in the web app: the verbs refuse API keys and OAuth tokens (signedInMember).
const security = [{ sessionCookie: [] }];

const RequestFields = {
  client_id: z.string().min(1).max(200),
  redirect_uri: z.string().min(1).max(2000),
  code_challenge: z.string().min(1).max(128),
  code_challenge_method: z.string().max(10),
  scope: z.string().max(2000).optional(),
  state: z.string().max(2000).optional(),
};
const Decision = z.strictObject({
  ...RequestFields,
  approve: z.boolean().openapi({ description: "false denies: the client gets error=access_denied" }),
  scopes: z.array(z.string().max(64)).max(50).default([]).openapi({ description: "The scopes left ticked" }),
});

export const oauthConsentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: "get",
      path: "/oauth/consent",
      tags,
      summary: "What an OAuth client asks for, for the consent screen",
      security,
      request: { query: z.object(RequestFields) },
      responses: { 200: json(ConsentSchema, "The client and the scopes to show") },
    }),
    async (c) => {
      const found = await describeAuthorization(ctxOf(c), c.req.valid("query"));
      return c.json(
        {
          client: found.client,
          redirect_uri: found.redirectUri,
          requested_scopes: found.requested,
          offered_scopes: found.offered,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/oauth/consent",
      tags,
      summary: "Approve (with the ticked scopes) or deny an OAuth client",
      security,
      request: body(Decision),
      responses: { 200: json(z.object({ redirect_to: z.string() }), "Where to send the browser next") },
    }),
    async (c) => {
      const { approve, scopes, ...request } = c.req.valid("json");
      if (!approve) {
        const { redirectUri } = await describeAuthorization(ctxOf(c), request);
        const denied = { error: "access_denied", error_description: "The member denied access.", state: request.state };
        return c.json({ redirect_to: redirectWith(redirectUri, denied) }, 200);
      }
      const { redirectTo } = await approveAuthorization(ctxOf(c), { ...request, scopes });
      return c.json({ redirect_to: redirectTo }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/oauth/grants",
      tags,
      summary: "The signed-in member's connected apps",
      security,
      responses: { 200: json(z.object({ data: z.array(ConnectedAppSchema) }), "Active grants, newest first") },
    }),
    async (c) => c.json({ data: (await listGrants(ctxOf(c))).map(toConnectedAppDto) }, 200),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/oauth/grants/{id}",
      tags,
      summary: "Revoke a connected app: its tokens stop working at once",
      security,
      request: { params: IdParam },
      responses: { 204: { description: "Revoked" } },
    }),
    async (c) => {
      await revokeGrant(ctxOf(c), { id: c.req.valid("param").id });
      return c.body(null, 204);
    },
  );
