import { z } from "zod";
import {
  CompanySchema,
  ContactSchema,
  ProductSchema,
  toCompanyDto,
  toContactDto,
  toProductDto,
} from "../../dto/crm.ts";
import {
  ListContactsQuery,
  ListProductsQuery,
  ListQuery,
  listCompanies,
  listContacts,
  listProducts,
} from "../../modules/crm/index.ts";
import { defineTool } from "../tool.ts";
import { listOf, pageDto } from "./shared.ts";

const paging = {
  limit: ListQuery.shape.limit.describe("1–100, default 50"),
  cursor: ListQuery.shape.cursor.describe("next_cursor from the previous page"),
};

export const searchCompaniesTool = defineTool({
  name: "search_companies",
  title: "Search companies",
  description:
    "Find client companies by name (q: part of the name, any case), newest first. Use the id (co_…) as company_id for list_opportunities, list_unpaid_lines, list_contacts or create_opportunity.",
  scope: "companies:read",
  destructive: false,
  input: z.strictObject({ q: ListQuery.shape.q.describe("Part of the company name"), ...paging }),
  output: listOf(CompanySchema),
  run: async (ctx, input) => pageDto(await listCompanies(ctx, input), toCompanyDto),
});

export const listContactsTool = defineTool({
  name: "list_contacts",
  title: "List contacts",
  description:
    "Find people at client companies, newest first: q matches the name, company_id narrows to one company. The id (con_…) is what primary_contact_id, send_invoice's contact_ids and create_portal_link take.",
  scope: "contacts:read",
  destructive: false,
  input: z.strictObject({
    q: ListContactsQuery.shape.q.describe("Part of the contact's name"),
    company_id: ListContactsQuery.shape.company_id.describe("Only contacts of this company (co_…)"),
    ...paging,
  }),
  output: listOf(ContactSchema),
  run: async (ctx, input) => pageDto(await listContacts(ctx, input), toContactDto),
});

export const listProductsTool = defineTool({
  name: "list_products",
  title: "List products",
  description:
    "The product catalogue, newest first: name, unit price (unit_amount, minor units), currency, default deposit percent (10 = 10%), tax rate percent and billing (one_off or recurring). Use the id (prod_…) as product_id for add_opportunity_product. q matches the name; is_active 'true' hides retired products.",
  scope: "products:read",
  destructive: false,
  input: z.strictObject({
    q: ListProductsQuery.shape.q.describe("Part of the product name"),
    is_active: ListProductsQuery.shape.is_active.describe("'true': only active products; 'false': only retired"),
    ...paging,
  }),
  output: listOf(ProductSchema),
  run: async (ctx, input) => pageDto(await listProducts(ctx, input), toProductDto),
});
