// Verb inputs use the public snake_case field names, so REST, MCP and the CLI share them and errors name the field the caller sent.
import { z } from "zod";
import { isCommonPassword, MIN_PASSWORD_LENGTH } from "../../lib/password-policy.ts";
import { RecordId } from "../../lib/record-id.ts";
import { ACCEPTED_SCOPE_NAMES } from "./scopes.ts";

export const ScopeName = z.string().refine((s) => ACCEPTED_SCOPE_NAMES.includes(s), {
  error: (issue) => `unknown scope "${String(issue.input)}"; allowed: ${ACCEPTED_SCOPE_NAMES.join(", ")}`,
});
export const Email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
export const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200)
  .refine((p) => !isCommonPassword(p), "is too common; choose a longer phrase of your own");
export const Name = z.string().trim().min(1).max(120);

/** The whole input of a verb that acts on one record and takes nothing else (get, revoke, remove, delete). */
export { RecordRef } from "../../lib/record-id.ts";

export const CreateWorkspaceInput = z.strictObject({
  name: Name,
  admin_email: Email,
  admin_password: Password,
  admin_name: z.string().trim().max(120).optional(),
});
export type CreateWorkspaceInput = z.input<typeof CreateWorkspaceInput>;

export const CreateApiKeyInput = z.strictObject({
  name: Name,
  scopes: z.union([z.array(ScopeName).min(1).max(50), z.literal("full_access")]),
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeyInput>;

export const UpdateApiKeyInput = z.strictObject({
  name: Name.optional(),
  scopes: z.array(ScopeName).min(1).max(50).optional(),
});
export type UpdateApiKeyInput = z.input<typeof UpdateApiKeyInput>;
/** `updateApiKey`'s whole input: the key's id beside the fields to change. */
export const UpdateApiKeyCommand = UpdateApiKeyInput.extend({ id: RecordId });
export type UpdateApiKeyCommand = z.input<typeof UpdateApiKeyCommand>;

export const CreateRoleInput = z.strictObject({
  name: Name,
  scopes: z.array(ScopeName).max(50).default([]),
});
export type CreateRoleInput = z.input<typeof CreateRoleInput>;

export const UpdateRoleInput = z.strictObject({
  name: Name.optional(),
  scopes: z.array(ScopeName).max(50).optional(),
});
export type UpdateRoleInput = z.input<typeof UpdateRoleInput>;
/** `updateRole`'s whole input: the role's id beside the fields to change. */
export const UpdateRoleCommand = UpdateRoleInput.extend({ id: RecordId });
export type UpdateRoleCommand = z.input<typeof UpdateRoleCommand>;

const InviteDays = z.number().int().min(1).max(30).optional();

export const InviteMemberInput = z.strictObject({
  email: Email,
  role_id: z.string().min(1).max(64),
  name: z.string().trim().max(120).optional(),
  expires_in_days: InviteDays,
});

export const ResendInviteInput = z.strictObject({ expires_in_days: InviteDays });
export type InviteMemberInput = z.input<typeof InviteMemberInput>;
/** `resendInvite`'s whole input: the invited member's id beside the new link's lifetime. */
export const ResendInviteCommand = ResendInviteInput.extend({ id: RecordId });
export type ResendInviteCommand = z.input<typeof ResendInviteCommand>;

export const ChangeMemberRoleInput = z.strictObject({ role_id: z.string().min(1).max(64) });
/** `changeMemberRole`'s whole input: the member's id beside the role to give them. */
export const ChangeMemberRoleCommand = ChangeMemberRoleInput.extend({ id: RecordId });
export type ChangeMemberRoleCommand = z.input<typeof ChangeMemberRoleCommand>;

const WorkspaceId = z.string().min(1).max(64);
export const LoginInput = z.strictObject({
  email: Email,
  password: z.string().min(1).max(200),
  workspace_id: WorkspaceId.optional(),
});
export const SwitchWorkspaceInput = z.strictObject({ workspace_id: WorkspaceId });
export type LoginInput = z.input<typeof LoginInput>;

/**
 * A new account chooses its password here (the policy applies); an existing account proves itself with its
 * current password, which accepting never changes.
 */
export const AcceptInviteInput = z.strictObject({
  token: z.string().min(10).max(200),
  password: z.string().min(1).max(200),
  name: z.string().trim().max(120).optional(),
});
