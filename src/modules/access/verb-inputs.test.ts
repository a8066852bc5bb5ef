import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace } from "../../../tests/support/builders.ts";
import { createTestDatabase } from "../../../tests/support/test-db.ts";
import type { Actor } from "../../context.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../lib/errors.ts";
import {
  changeMemberRole,
  createApiKey,
  createRole,
  deleteRole,
  getMember,
  inviteMember,
  listRoles,
  removeMember,
  resendInvite,
  revokeApiKey,
  updateApiKey,
  updateRole,
} from "./index.ts";

let database: Database;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let other: Awaited<ReturnType<typeof seedWorkspace>>;
beforeAll(async () => {
  database = await createTestDatabase();
  ws = await seedWorkspace(database);
  other = await seedWorkspace(database, "Other workspace");
});
afterAll(() => database.close());

async function failure(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Every verb that names a record by id, called with `input`. */
const byId = [
  ["getMember", (ctx: typeof ws.ctx, input: object) => getMember(ctx, input as never)],
  [
    "changeMemberRole",
    (ctx: typeof ws.ctx, input: object) => changeMemberRole(ctx, { role_id: "x", ...input } as never),
  ],
  ["removeMember", (ctx: typeof ws.ctx, input: object) => removeMember(ctx, input as never)],
  ["resendInvite", (ctx: typeof ws.ctx, input: object) => resendInvite(ctx, input as never)],
  ["updateApiKey", (ctx: typeof ws.ctx, input: object) => updateApiKey(ctx, input as never)],
  ["revokeApiKey", (ctx: typeof ws.ctx, input: object) => revokeApiKey(ctx, input as never)],
  ["updateRole", (ctx: typeof ws.ctx, input: object) => updateRole(ctx, input as never)],
  ["deleteRole", (ctx: typeof ws.ctx, input: object) => deleteRole(ctx, input as never)],
] as const;

describe("access verbs taking a record id", () => {
  it.each(byId)("%s parses the id with its input before checking scopes", async (_name, call) => {
    const noScopes: Actor = { kind: "system", workspaceId: ws.workspaceId, scopes: new Set() };
    const ctx = { ...ws.ctx, actor: noScopes };
    for (const input of [{}, { id: "" }, { id: "mem_\u0000" }, { id: "x".repeat(65) }, { id: "mem_1", extra: 1 }]) {
      const error = await failure(call(ctx, input));
      expect(error.code, JSON.stringify(input)).toBe("invalid_input");
    }
  });

  it.each(byId)("%s answers not_found for another workspace's record", async (_name, call) => {
    const [role] = await listRoles(other.ctx);
    for (const id of [other.memberId, other.apiKeyId, role?.id ?? ""]) {
      const error = await failure(call(ws.ctx, { id }));
      expect(error.code).toBe("not_found");
    }
  });

  it("act on the record the id names, with the body fields beside it", async () => {
    const role = await createRole(ws.ctx, { name: "Auditor", scopes: ["members:read"] });
    const renamed = await updateRole(ws.ctx, { id: role.id, name: "Auditors" });
    expect(renamed).toMatchObject({ id: role.id, name: "Auditors", scopes: ["members:read"] });

    const key = await createApiKey(ws.ctx, { name: "ci", scopes: ["members:read"] });
    expect(await updateApiKey(ws.ctx, { id: key.id, name: "ci 2" })).toMatchObject({ id: key.id, name: "ci 2" });
    await revokeApiKey(ws.ctx, { id: key.id });
    expect((await failure(updateApiKey(ws.ctx, { id: key.id, name: "ci 3" }))).code).toBe("conflict");

    const invited = await inviteMember(ws.ctx, { email: "invitee@example.test", role_id: role.id });
    const resent = await resendInvite(ws.ctx, { id: invited.id, expires_in_days: 2 });
    expect(resent.inviteToken).not.toBe(invited.inviteToken);
    const [viewer] = (await listRoles(ws.ctx)).filter((r) => r.preset === "viewer");
    const moved = await changeMemberRole(ws.ctx, { id: invited.id, role_id: viewer?.id ?? "" });
    expect(moved).toMatchObject({ id: invited.id, roleName: "Viewer", email: "invitee@example.test" });
    expect((await failure(deleteRole(ws.ctx, { id: viewer?.id ?? "" }))).code).toBe("conflict");

    await removeMember(ws.ctx, { id: invited.id });
    expect((await failure(getMember(ws.ctx, { id: invited.id }))).code).toBe("not_found");
    await deleteRole(ws.ctx, { id: role.id });
    expect((await listRoles(ws.ctx)).map((r) => r.id)).not.toContain(role.id);
  });
});
