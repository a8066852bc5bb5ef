export { acceptInvite } from "./accept-invite.ts";
export { createApiKey, listApiKeys, revokeApiKey, updateApiKey } from "./api-keys.ts";
export { type CreatedWorkspace, createWorkspace } from "./create-workspace.ts";
export { login, logout, SESSION_TTL_MS } from "./login.ts";
export { changeMemberRole, getMember, inviteMember, listMembers, removeMember } from "./members.ts";
export { resolveApiKeyActor, resolveSessionActor } from "./resolve-actor.ts";
export { createRole, deleteRole, listRoles, updateRole } from "./roles.ts";
export { ACCEPTED_SCOPE_NAMES, hasScope, PRESET_SCOPES, requireScope, SCOPES, type Scope } from "./scopes.ts";
