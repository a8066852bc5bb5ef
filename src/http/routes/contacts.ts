import { OpenAPIHono } from "@hono/zod-openapi";
import { ContactSchema, toContactDto } from "../../dto/crm.ts";
import {
  CreateContactInput,
  createContact,
  deleteContact,
  getContact,
  ListContactsQuery,
  listContacts,
  UpdateContactInput,
  updateContact,
} from "../../modules/crm/index.ts";
import { ctxOf } from "../ctx.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "../errors.ts";
import { apiRoute, body, IdParam, json, pageOf } from "../openapi.ts";

const tags = ["Contacts"];

export const contactRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    apiRoute({
      method: "post",
      path: "/contacts",
      tags,
      summary: "Create a contact",
      scope: "contacts:write",
      request: body(CreateContactInput),
      responses: { 201: json(ContactSchema, "The contact") },
    }),
    async (c) => c.json(toContactDto(await createContact(ctxOf(c), c.req.valid("json"))), 201),
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/contacts",
      tags,
      summary: "List contacts, newest first; `q` searches the name, `company_id` filters",
      scope: "contacts:read",
      request: { query: ListContactsQuery },
      responses: { 200: json(pageOf(ContactSchema), "A page of contacts") },
    }),
    async (c) => {
      const page = await listContacts(ctxOf(c), c.req.valid("query"));
      return c.json({ data: page.data.map(toContactDto), has_more: page.hasMore, next_cursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: "get",
      path: "/contacts/{id}",
      tags,
      summary: "Get a contact",
      scope: "contacts:read",
      request: { params: IdParam },
      responses: { 200: json(ContactSchema, "The contact") },
    }),
    async (c) => c.json(toContactDto(await getContact(ctxOf(c), c.req.valid("param"))), 200),
  )
  .openapi(
    apiRoute({
      method: "patch",
      path: "/contacts/{id}",
      tags,
      summary: "Update a contact",
      scope: "contacts:write",
      request: { params: IdParam, ...body(UpdateContactInput) },
      responses: { 200: json(ContactSchema, "The contact") },
    }),
    async (c) =>
      c.json(toContactDto(await updateContact(ctxOf(c), { ...c.req.valid("json"), id: c.req.valid("param").id })), 200),
  )
  .openapi(
    apiRoute({
      method: "delete",
      path: "/contacts/{id}",
      tags,
      summary: "Delete a contact (opportunities naming it as primary keep going without one)",
      scope: "contacts:write",
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" } },
    }),
    async (c) => {
      await deleteContact(ctxOf(c), c.req.valid("param"));
      return c.body(null, 204);
    },
  );
