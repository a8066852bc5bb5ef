import { z } from "zod";

const Uri = z.string().min(1).max(2000);

/** RFC 7591 client metadata; only public clients (token_endpoint_auth_method none) are registered. */
export const RegisterClientInput = z.object({
  client_name: z.string().min(1).max(200).optional(),
  redirect_uris: z.array(Uri).min(1).max(10),
  token_endpoint_auth_method: z.enum(["none"]).optional(),
  grant_types: z
    .array(z.enum(["authorization_code", "refresh_token"]))
    .max(2)
    .optional(),
  response_types: z
    .array(z.enum(["code"]))
    .max(1)
    .optional(),
  scope: z.string().max(2000).optional(),
});
export type RegisterClientInput = z.input<typeof RegisterClientInput>;

/** The authorization request as the consent screen carries it back (RFC 6749 §4.1.1 + RFC 7636). */
export const AuthorizationRequest = z.strictObject({
  client_id: z.string().min(1).max(200),
  redirect_uri: Uri,
  code_challenge: z.string().min(43).max(128),
  code_challenge_method: z.enum(["S256"]),
  scope: z.string().max(2000).optional(),
  state: z.string().max(2000).optional(),
});
export type AuthorizationRequest = z.input<typeof AuthorizationRequest>;

export const ApproveAuthorizationInput = AuthorizationRequest.extend({
  /** The scopes the member left ticked: a subset of those requested and of their own. */
  scopes: z.array(z.string().max(64)).max(50),
});
export type ApproveAuthorizationInput = z.input<typeof ApproveAuthorizationInput>;

export const TokenRequest = z.discriminatedUnion("grant_type", [
  z.object({
    grant_type: z.literal("authorization_code"),
    code: z.string().min(1).max(200),
    redirect_uri: Uri,
    client_id: z.string().min(1).max(200),
    code_verifier: z.string().min(43).max(128),
  }),
  z.object({
    grant_type: z.literal("refresh_token"),
    refresh_token: z.string().min(1).max(200),
    client_id: z.string().min(1).max(200).optional(),
  }),
]);
export type TokenRequest = z.input<typeof TokenRequest>;
