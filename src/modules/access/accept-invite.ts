import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { members, users, workspaces } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { AppError } from "../../lib/errors.ts";
import { hashPassword, verifyPassword } from "../../lib/password.ts";
import { sha256 } from "../../lib/secrets.ts";
import { parseInput } from "../../lib/validation.ts";
import { type Origin, recordSignInAudit } from "../audit/index.ts";
import { bumpAccessVersion } from "./access-version.ts";
import { AcceptInviteInput, Password } from "./schemas.ts";

const NewPassword = z.strictObject({ password: Password });
const INVALID = "This invite link is invalid, expired or was already used.";

/**
 * Accepting an invite activates the membership. A person new to Settle chooses their password here; a person
 * who already has an account signs in with it instead, so an invite can never change anyone's credentials.
 * The token is checked before any password is hashed, so bad tokens cost nothing.
 */
export async function acceptInvite(
  deps: { db: DbOrTx; clock: Clock; origin?: Origin | undefined },
  input: unknown,
): Promise<{ email: string; workspace_id: string; workspace_name: string }> {
  const parsed = parseInput(AcceptInviteInput, input);
  const now = deps.clock.now();
  const invite = await findInvite(deps.db, parsed.token, now);
  const passwordHash = invite.passwordHash
    ? await checkExistingPassword(parsed.password, invite.passwordHash)
    : await hashPassword(parseInput(NewPassword, { password: parsed.password }).password);
  return withTransaction(deps, async (tx) => {
    // The membership is re-read under a row lock: two accepts of one token cannot both succeed.
    const [member] = await tx
      .select()
      .from(members)
      .where(eq(members.inviteTokenHash, sha256(parsed.token)))
      .for("update");
    if (member?.status !== "invited" || member.id !== invite.memberId) {
      throw new AppError("not_found", INVALID);
    }
    if (!invite.passwordHash) {
      const [updated] = await tx
        .update(users)
        .set({ passwordHash, ...(parsed.name ? { name: parsed.name } : {}), updatedAt: now })
        .where(and(eq(users.id, member.userId), isNull(users.passwordHash)))
        .returning({ id: users.id });
      // Someone set this account's password since the token was checked (another invite): start over.
      if (!updated) throw new AppError("not_found", INVALID);
    }
    await tx
      .update(members)
      .set({ status: "active", inviteTokenHash: null, inviteExpiresAt: null, updatedAt: now })
      .where(eq(members.id, member.id));
    await bumpAccessVersion(tx, member.workspaceId);
    await recordSignInAudit(
      tx,
      { now, origin: deps.origin },
      {
        action: "member.invite_accepted",
        workspaceId: member.workspaceId,
        userId: member.userId,
        email: invite.email,
      },
    );
    return { email: invite.email, workspace_id: member.workspaceId, workspace_name: invite.workspaceName };
  });
}

async function findInvite(db: DbOrTx, token: string, now: Date) {
  const [row] = await db
    .select({
      memberId: members.id,
      status: members.status,
      expiresAt: members.inviteExpiresAt,
      email: users.email,
      passwordHash: users.passwordHash,
      workspaceName: workspaces.name,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
    .where(eq(members.inviteTokenHash, sha256(token)));
  if (row?.status !== "invited" || !row.expiresAt || row.expiresAt <= now) {
    throw new AppError("not_found", INVALID, { fix: "Ask the workspace admin to send a new invite." });
  }
  return row;
}

async function checkExistingPassword(password: string, hash: string): Promise<string> {
  if (!(await verifyPassword(password, hash))) {
    throw new AppError("unauthorized", "This email already has a Settle account; enter its current password.", {
      issues: [{ field: "password", message: "not this account's password" }],
      fix: "Use the password you sign in to Settle with. Accepting an invite never changes it.",
    });
  }
  return hash;
}
