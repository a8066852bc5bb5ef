import { SCOPES } from "../../modules/access/index.ts";

/** Where MCP clients find the authorization server for /mcp (RFC 9728), and where that server's endpoints are. */
export function protectedResourceMetadata(publicUrl: string) {
  return {
    resource: `${publicUrl}/mcp`,
    authorization_servers: [publicUrl],
    scopes_supported: [...SCOPES],
    bearer_methods_supported: ["header"],
    resource_name: "Settle MCP",
    resource_documentation: `${publicUrl}/api/docs`,
  };
}

/** RFC 8414 authorization server metadata; the issuer is Settle's public URL. */
export function authorizationServerMetadata(publicUrl: string) {
  return {
    issuer: publicUrl,
    authorization_endpoint: `${publicUrl}/oauth2/authorize`,
    token_endpoint: `${publicUrl}/oauth2/token`,
    registration_endpoint: `${publicUrl}/oauth2/register`,
    revocation_endpoint: `${publicUrl}/oauth2/revoke`,
    scopes_supported: [...SCOPES],
    response_types_supported: ["code"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    token_endpoint_auth_methods_supported: ["none"],
    revocation_endpoint_auth_methods_supported: ["none"],
    code_challenge_methods_supported: ["S256"],
  };
}

/** The 401 challenge on /mcp that points a client at the metadata above (RFC 9728 §5.1). */
export function bearerChallenge(publicUrl: string): string {
  return `Bearer realm="settle", resource_metadata="${publicUrl}/.well-known/oauth-protected-resource/mcp"`;
}
