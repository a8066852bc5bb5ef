import { type Context, Hono } from "hono";
import type { ApiEnv } from "../../api/api-env.ts";
import {
  applyPaging,
  batchResponse,
  csvQuery,
  type ElementOutcome,
  modifiedAfter,
  readIfModifiedSince,
  readPaging,
  readSummarizeErrors,
  wireQuery,
} from "../../api/batch.ts";
import { readJsonBody } from "../../api/request-body.ts";
import { envelope, notFound, queryParseError, singleValidationError } from "../../api/responses.ts";
import { compileOrder, compileWhere, type FieldMap, QueryError } from "../../api/where-filter.ts";
import type { SandboxContext } from "../../context.ts";
import { list, str, type WireObject } from "../../core/wire-input.ts";
import type { ContactRecord, OrganisationRecord } from "../../state/types.ts";
import { createContact, findContact, updateContact } from "./contact-service.ts";
import { contactToWire } from "./contact-wire.ts";

const FIELDS: FieldMap<ContactRecord> = {
  contactid: (c) => c.contactId,
  name: (c) => c.name,
  firstname: (c) => c.firstName,
  lastname: (c) => c.lastName,
  emailaddress: (c) => c.emailAddress,
  contactnumber: (c) => c.contactNumber,
  accountnumber: (c) => c.accountNumber,
  contactstatus: (c) => c.status,
  updateddateutc: (c) => c.updatedMs,
  iscustomer: () => true,
  issupplier: () => false,
};

const SHAPE = { key: "Contacts", errorFlag: "HasValidationErrors" };

export function contactRoutes(ctx: SandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const now = (): number => ctx.clock.nowMs();

  app.get("/Contacts", (c) => {
    try {
      const contacts = listContacts(c.get("org"), {
        where: wireQuery(c, "where"),
        order: wireQuery(c, "order"),
        ids: csvQuery(c, "IDs"),
        searchTerm: wireQuery(c, "searchTerm"),
        includeArchived: wireQuery(c, "includeArchived") === "true",
        modifiedSinceMs: readIfModifiedSince(c),
      });
      const page = applyPaging(contacts, readPaging(c));
      const extra = page.pagination ? { pagination: page.pagination } : {};
      return c.json(envelope(now(), "Contacts", page.items.map(contactToWire), extra));
    } catch (error) {
      if (error instanceof QueryError) return queryParseError(c, error.message);
      throw error;
    }
  });

  app.get("/Contacts/:idOrNumber", (c) => {
    const contact = findContact(c.get("org"), c.req.param("idOrNumber"));
    return contact ? c.json(envelope(now(), "Contacts", [contactToWire(contact)])) : notFound(c);
  });

  const writeMany = (allowUpdate: boolean) => async (c: Context<ApiEnv>) => {
    const parsed = await readJsonBody(c);
    if (!parsed.ok) return parsed.response;
    const items = list(parsed.body, "Contacts");
    if (!items) return singleValidationError(c, "Contacts must be provided as an array.");
    const org = c.get("org");
    const outcomes = items.map((item): ElementOutcome => {
      const existing = allowUpdate ? matchExisting(org, item) : undefined;
      const result = existing ? updateContact(ctx, org, existing, item) : createContact(ctx, org, item);
      return result.ok
        ? { ok: true, wire: contactToWire(result.contact) }
        : { ok: false, echo: item, errors: result.errors };
    });
    return batchResponse(c, now(), SHAPE, outcomes, readSummarizeErrors(c));
  };
  app.put("/Contacts", writeMany(false));
  app.post("/Contacts", writeMany(true));

  app.post("/Contacts/:id", async (c) => {
    const org = c.get("org");
    const contact = findContact(org, c.req.param("id"));
    if (!contact) return notFound(c);
    const parsed = await readJsonBody(c);
    if (!parsed.ok) return parsed.response;
    const item = list(parsed.body, "Contacts")?.[0] ?? parsed.body;
    const result = updateContact(ctx, org, contact, item);
    const outcome: ElementOutcome = result.ok
      ? { ok: true, wire: contactToWire(result.contact) }
      : { ok: false, echo: item, errors: result.errors };
    return batchResponse(c, now(), SHAPE, [outcome], true);
  });

  return app;
}

function matchExisting(org: OrganisationRecord, item: WireObject): ContactRecord | undefined {
  const id = str(item, "ContactID");
  if (id) return org.contacts[id.toLowerCase()];
  const number = str(item, "ContactNumber");
  return number ? findContact(org, number) : undefined;
}

interface ContactQuery {
  where?: string;
  order?: string;
  ids?: string[];
  searchTerm?: string;
  includeArchived: boolean;
  modifiedSinceMs?: number;
}

function listContacts(org: OrganisationRecord, query: ContactQuery): ContactRecord[] {
  let contacts = Object.values(org.contacts);
  if (!query.includeArchived && !query.ids) contacts = contacts.filter((c) => c.status === "ACTIVE");
  if (query.ids) {
    const wanted = new Set(query.ids.map((id) => id.toLowerCase()));
    contacts = contacts.filter((c) => wanted.has(c.contactId));
  }
  if (query.modifiedSinceMs !== undefined)
    contacts = contacts.filter((c) => modifiedAfter(c.updatedMs, query.modifiedSinceMs));
  if (query.searchTerm) {
    const term = query.searchTerm.toLowerCase();
    contacts = contacts.filter((c) =>
      [c.name, c.firstName, c.lastName, c.contactNumber, c.emailAddress].some((v) => v?.toLowerCase().includes(term)),
    );
  }
  if (query.where) contacts = contacts.filter(compileWhere(query.where, FIELDS, "Contact"));
  const order = compileOrder(query.order ?? "Name ASC", FIELDS, "Contact");
  return contacts.sort(order);
}
