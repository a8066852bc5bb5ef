import { OpenAPIHono, z } from "@hono/zod-openapi";
import { InvitedMemberSchema, MemberSchema, toMemberDto } from "../../dto/access.ts";
import {
  changeMemberRole,
  INVITE_TTL_DAYS,
  inviteMember,
  listMembers,
  removeMember,
  resendInvite,
} from "../../modules/access/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json, PageQuerySchema, pageOf } from "../openapi.ts";

const ExpiresInDays = z
  .number()
  .int()
  .optional()
  .openapi({ description: `How long the link works: 1–30 days, default ${INVITE_TTL_DAYS}` });
const InviteBody = z.strictObject({
  email: z.string().max(254),
  role_id: z.string().min(1).max(64),
  name: z.string().max(120).optional(),
  expires_in_days: ExpiresInDays,
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
        summary: "Invite a member by email (new or existing account; they accept with the link)",
        scope: "members:write",
        grants: "role_id",
        request: body(InviteBody),
        responses: { 201: json(InvitedMemberSchema, "The invited member") },
      }),
      async (c) => {
        const member = await inviteMember(ctxOf(c), c.req.valid("json"));
        return c.json({ ...toMemberDto(member), invite_url: `${publicUrl}/invite#${member.inviteToken}` }, 201);
      },
    )
    .openapi(
      apiRoute({
        method: "post",
        path: "/members/{id}/invite",
        tags,
        summary: "Send a pending invite again with a new link (the old link stops working)",
        scope: "members:write",
        grants: "role_id",
        request: { params: IdParam, ...body(z.strictObject({ expires_in_days: ExpiresInDays })) },
        responses: { 200: json(InvitedMemberSchema, "The invited member with the new link") },
      }),
      async (c) => {
        const member = await resendInvite(ctxOf(c), { ...c.req.valid("json"), id: c.req.valid("param").id });
        return c.json({ ...toMemberDto(member), invite_url: `${publicUrl}/invite#${member.inviteToken}` }, 200);
      },
    )
    .openapi(
      apiRoute({
        method: "patch",
        path: "/members/{id}",
        tags,
        summary: "Change a member's role",
        scope: "members:write",
        grants: "role_id",
        request: { params: IdParam, ...body(RoleBody) },
        responses: { 200: json(MemberSchema, "The member") },
      }),
      async (c) => {
        const member = await changeMemberRole(ctxOf(c), { ...c.req.valid("json"), id: c.req.valid("param").id });
        return c.json(toMemberDto(member), 200);
      },
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
        await removeMember(ctxOf(c), { id: c.req.valid("param").id });
        return c.body(null, 204);
      },
    );
}
