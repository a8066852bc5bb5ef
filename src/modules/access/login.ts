import { eq } from "drizzle-orm";
import { withTransaction } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { sessions, users } from "../../db/schema/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { AppError } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { verifyPassword } from "../../lib/password.ts";
import { randomSecret, sha256 } from "../../lib/secrets.ts";
import { parseInput } from "../../lib/validation.ts";
import { type Origin, recordSignInAudit } from "../audit/index.ts";
import { activeWorkspacesOf } from "./active-workspaces-of.ts";
import { LoginInput } from "./schemas.ts";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

// Hashing a dummy password on unknown emails keeps response times equal, so emails cannot be probed.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

type Deps = { db: DbOrTx; clock: Clock; origin?: Origin | undefined };

/**
 * Checks a password and opens a session in the chosen workspace (`workspace_id`), or in the first one by name;
 * the answer lists every workspace the person belongs to so the app can offer the others.
 */
export async function login(deps: Deps, input: LoginInput) {
  const { email, password, workspace_id: wanted } = parseInput(LoginInput, input);
  const [user] = await deps.db.select().from(users).where(eq(users.email, email));
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const choices = user ? await activeWorkspacesOf(deps.db, user.id) : [];
  const chosen = wanted ? choices.find((w) => w.id === wanted) : choices[0];
  const now = deps.clock.now();
  if (!user || !ok || !chosen) {
    const reason = !user ? "unknown_email" : !ok ? "wrong_password" : "no_workspace";
    await withTransaction(deps, async (tx) => {
      for (const workspaceId of choices.length > 0 ? choices.map((w) => w.id) : [null]) {
        await recordSignInAudit(
          tx,
          { now, origin: deps.origin },
          {
            action: "session.sign_in_failed",
            workspaceId,
            userId: user?.id ?? null,
            email,
            reason,
          },
        );
      }
    });
    if (ok && user && wanted && choices.length > 0) {
      throw new AppError("not_found", "You are not a member of that workspace.", {
        issues: [{ field: "workspace_id", message: "not one of your workspaces" }],
      });
    }
    throw new AppError("unauthorized", "Email or password is incorrect, or the account has no workspace yet.");
  }
  const token = randomSecret(32);
  const csrfToken = randomSecret(24);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await withTransaction(deps, async (tx) => {
    await tx.insert(sessions).values({
      id: newId("session", now),
      userId: user.id,
      workspaceId: chosen.id,
      tokenHash: sha256(token),
      csrfToken,
      expiresAt,
    });
    await recordSignInAudit(
      tx,
      { now, origin: deps.origin },
      {
        action: "session.sign_in",
        workspaceId: chosen.id,
        userId: user.id,
        email,
      },
    );
  });
  return { token, csrfToken, expiresAt, workspaceId: chosen.id, workspaces: choices };
}
