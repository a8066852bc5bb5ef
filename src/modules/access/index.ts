export { acceptInvite } from "./accept-invite.ts";
export { activeWorkspacesOf, type WorkspaceChoice } from "./active-workspaces-of.ts";
export { changeMemberRole } from "./change-member-role.ts";
export { createApiKey } from "./create-api-key.ts";
export { createRole } from "./create-role.ts";
export { type CreatedWorkspace, createWorkspace } from "./create-workspace.ts";
export { deleteRole } from "./delete-role.ts";
export { getMember } from "./get-member.ts";
export { INVITE_TTL_DAYS } from "./invite-expiry.ts";
export { inviteMember } from "./invite-member.ts";
export { listApiKeys } from "./list-api-keys.ts";
export { listMembers } from "./list-members.ts";
export { listRoles } from "./list-roles.ts";
export { login, SESSION_TTL_MS } from "./login.ts";
export { logout } from "./logout.ts";
export { removeMember } from "./remove-member.ts";
export { resendInvite } from "./resend-invite.ts";
export { resolveApiKeyActor, resolveSessionActor } from "./resolve-actor.ts";
export { revokeApiKey } from "./revoke-api-key.ts";
export type {
  ChangeMemberRoleCommand,
  CreateApiKeyInput,
  CreateRoleInput,
  InviteMemberInput,
  RecordRef,
  ResendInviteCommand,
  UpdateApiKeyCommand,
  UpdateRoleCommand,
} from "./schemas.ts";
export { ACCEPTED_SCOPE_NAMES, hasScope, PRESET_SCOPES, requireScope, SCOPES, type Scope } from "./scopes.ts";
export { switchWorkspace } from "./switch-workspace.ts";
export { updateApiKey } from "./update-api-key.ts";
export { updateRole } from "./update-role.ts";
