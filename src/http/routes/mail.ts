import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  MailMessageDetailSchema,
  MailMessageSchema,
  toMailMessageDetailDto,
  toMailMessageDto,
} from "../../dto/mail.ts";
import { getMail, listMail } from "../../modules/mail/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, IdParam, json, PageQuerySchema, PathId, pageOf } from "../openapi.ts";

const tags = ["Mail"];
const READERS =
  "Invoice mail needs invoices:read; the whole log (invitations too) needs settings:write as well as invoices:read.";

const MailQuery = PageQuerySchema.extend({
  related_id: PathId.optional().openapi({ description: "Only mail about this record (an invoice or member id)" }),
  state: z.enum(["queued", "sent", "failed"]).optional().openapi({ description: "Only mail in this state" }),
});

/** The mail log (SPEC §6): every message Settle queued, with its delivery result, and the Outbox's content. */
export const mailRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "get",
      path: "/mail",
      tags,
      summary: "The mail log, newest first: recipients, subject, state (queued, sent, failed) and the server's reply",
      description: READERS,
      scope: "invoices:read",
      request: { query: MailQuery },
      responses: { 200: json(pageOf(MailMessageSchema), "A page of messages") },
    }),
    async (c) => {
      const page = await listMail(ctxOf(c), c.req.valid("query"));
      return c.json(
        { data: page.data.map(toMailMessageDto), has_more: page.hasMore, next_cursor: page.nextCursor },
        200,
      );
    },
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/mail/{id}",
      tags,
      summary: "One message with its rendered HTML and plain text",
      description: READERS,
      scope: "invoices:read",
      request: { params: IdParam },
      responses: { 200: json(MailMessageDetailSchema, "The message") },
    }),
    async (c) => c.json(toMailMessageDetailDto(await getMail(ctxOf(c), c.req.valid("param"))), 200),
  );
