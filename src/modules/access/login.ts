import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { members, sessions, users, workspaces } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { verifyPassword } from "../../lib/password.ts";
import { randomSecret, sha256 } from "../../lib/secrets.ts";
import { parseInput } from "../../lib/validation.ts";
import { LoginInput } from "./schemas.ts";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

// Hashing a dummy password on unknown emails keeps response times equal, so emails cannot be probed.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/** Checks a password and opens a session in the user's first workspace. */
export async function login(deps: { db: DbOrTx; clock: Clock }, input: LoginInput) {
  const { email, password } = parseInput(LoginInput, input);
  const [user] = await deps.db.select().from(users).where(eq(users.email, email));
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    throw new AppError("unauthorized", "Email or password is incorrect.");
  }
  const [membership] = await deps.db
    .select({ workspaceId: members.workspaceId, workspaceName: workspaces.name })
    .from(members)
    .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
    .where(eq(members.userId, user.id))
    .orderBy(members.id)
    .limit(1);
  if (!membership) {
    throw new AppError("unauthorized", "This account is not a member of any workspace.");
  }
  const token = randomSecret(32);
  const csrfToken = randomSecret(24);
  const now = deps.clock.now();
  await deps.db.insert(sessions).values({
    id: newId("session", now),
    userId: user.id,
    workspaceId: membership.workspaceId,
    tokenHash: sha256(token),
    csrfToken,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  });
  return { token, csrfToken, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) };
}

export async function logout(deps: { db: DbOrTx }, sessionId: string): Promise<void> {
  await deps.db.delete(sessions).where(eq(sessions.id, sessionId));
}
