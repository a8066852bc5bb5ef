import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { members, roles, users } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";

/** A member as the verbs return them: the membership with the person's email and name and the role's name. */
export const memberColumns = {
  id: members.id,
  userId: members.userId,
  email: users.email,
  // An invitee who already has an account elsewhere keeps their name to themselves until they accept.
  name: sql<string>`case when ${members.status} = 'invited' and ${users.passwordHash} is not null then '' else ${users.name} end`,
  roleId: members.roleId,
  roleName: roles.name,
  status: members.status,
  inviteExpiresAt: members.inviteExpiresAt,
  createdAt: members.createdAt,
};

export async function readMemberView(db: DbOrTx, workspaceId: string, id: string) {
  const [row] = await db
    .select(memberColumns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(roles, eq(roles.id, members.roleId))
    .where(and(eq(members.workspaceId, workspaceId), eq(members.id, id)));
  if (!row) {
    throw new AppError("not_found", `No member with id ${id} in this workspace.`);
  }
  return row;
}
