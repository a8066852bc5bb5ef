import { OpenAPIHono, z } from "@hono/zod-openapi";
import { changeMemberRole, inviteMember, listMembers, removeMember } from "../../modules/access/index.ts";
import { ctxOf } from "../ctx.ts";
import { InvitedMemberSchema, MemberSchema, toMemberDto } from "../dto/access.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json, PageQuerySchema, pageOf } from "../openapi.ts";

const InviteBody = z.strictObject({
  email: z.string().max(254),
  role_id: z.string().min(1).max(64),
  name: z.string().max(120).optional(),
});
const RoleBody = z.strictObject({ role_id: z.string().min(1).max(64) });
const tags = ["Members"];

export function memberRoutes(publicUrl: string) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      apiRoute({
        method: "get",
        path: "/members",
        tags,
        summary: "List members",
        scope: "members:read",
        request: { query: PageQuerySchema },
        responses: { 200: json(pageOf(MemberSchema), "A page of members") },
      }),
      async (c) => {
        const page = await listMembers(ctxOf(c), c.req.valid("query"));
        return c.json({ data: page.data.map(toMemberDto), has_more: page.hasMore, next_cursor: page.nextCursor }, 200);
      },
    )
    .openapi(
      apiRoute({
        method: "post",
        path: "/members",
        tags,
        summary: "Invite a member by email",
        scope: "members:write",
        request: body(InviteBody),
        responses: { 201: json(InvitedMemberSchema, "The invited member") },
      }),
      async (c) => {
        const member = await inviteMember(ctxOf(c), c.req.valid("json"));
        const inviteUrl = member.inviteToken ? `${publicUrl}/invite#${member.inviteToken}` : null;
        return c.json({ ...toMemberDto(member), invite_url: inviteUrl }, 201);
      },
    )
    .openapi(
      apiRoute({
        method: "patch",
        path: "/members/{id}",
        tags,
        summary: "Change a member's role",
        scope: "members:write",
        request: { params: IdParam, ...body(RoleBody) },
        responses: { 200: json(MemberSchema, "The member") },
      }),
      async (c) =>
        c.json(toMemberDto(await changeMemberRole(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))), 200),
    )
    .openapi(
      apiRoute({
        method: "delete",
        path: "/members/{id}",
        tags,
        summary: "Remove a member (revokes their API keys)",
        scope: "members:write",
        request: { params: IdParam },
        responses: { 204: { description: "Removed" } },
      }),
      async (c) => {
        await removeMember(ctxOf(c), c.req.valid("param").id);
        return c.body(null, 204);
      },
    );
}
