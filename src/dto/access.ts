import { z } from "@hono/zod-openapi";

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    key_prefix: z.string(),
    scopes: z.array(z.string()),
    last_used_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi("ApiKey");

export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({ description: "The secret, shown only in this response." }),
}).openapi("CreatedApiKey");

type ApiKeyRow = {
  id: string;
  name: string;
  keyPrefix: string;
  scopes: string[];
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};

export function toApiKeyDto(row: ApiKeyRow): z.infer<typeof ApiKeySchema> {
  return {
    id: row.id,
    name: row.name,
    key_prefix: row.keyPrefix,
    scopes: row.scopes,
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

export const RoleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    preset: z.enum(["admin", "editor", "viewer"]).nullable(),
    scopes: z.array(z.string()),
  })
  .openapi("Role");

export function toRoleDto(row: {
  id: string;
  name: string;
  preset: "admin" | "editor" | "viewer" | null;
  scopes: string[];
}) {
  return { id: row.id, name: row.name, preset: row.preset, scopes: row.scopes };
}

export const MemberSchema = z
  .object({
    id: z.string(),
    user_id: z.string(),
    email: z.string(),
    name: z.string(),
    role_id: z.string(),
    role_name: z.string(),
    status: z.enum(["active", "invited"]),
    invite_expires_at: z.string().nullable().openapi({ description: "When a pending invite link stops working" }),
    created_at: z.string(),
  })
  .openapi("Member");

export const InvitedMemberSchema = MemberSchema.extend({
  invite_url: z.string().nullable().openapi({ description: "Share this link; shown once." }),
}).openapi("InvitedMember");

export function toMemberDto(row: {
  id: string;
  userId: string;
  email: string;
  name: string;
  roleId: string;
  roleName: string;
  status: "active" | "invited";
  inviteExpiresAt: Date | null;
  createdAt: Date;
}) {
  return {
    id: row.id,
    user_id: row.userId,
    email: row.email,
    name: row.name,
    role_id: row.roleId,
    role_name: row.roleName,
    status: row.status,
    invite_expires_at: row.inviteExpiresAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

export const AuditEventSchema = z
  .object({
    id: z.string(),
    action: z.string(),
    actor: z.object({
      kind: z.enum(["member", "api_key", "system", "anonymous"]),
      user_id: z.string().nullable(),
      api_key_id: z.string().nullable(),
      label: z.string().openapi({ description: "The person's email, or the API key's name" }),
    }),
    target_type: z.string().nullable(),
    target_id: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    request_id: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi("AuditEvent");

export function toAuditEventDto(row: {
  id: string;
  action: string;
  actorKind: "member" | "api_key" | "system" | "anonymous";
  actorUserId: string | null;
  actorKeyId: string | null;
  actorLabel: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
  createdAt: Date;
}): z.infer<typeof AuditEventSchema> {
  return {
    id: row.id,
    action: row.action,
    actor: { kind: row.actorKind, user_id: row.actorUserId, api_key_id: row.actorKeyId, label: row.actorLabel },
    target_type: row.targetType,
    target_id: row.targetId,
    details: row.details,
    ip: row.ip,
    request_id: row.requestId,
    created_at: row.createdAt.toISOString(),
  };
}
