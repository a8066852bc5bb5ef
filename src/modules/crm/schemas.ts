// Verb inputs use the public snake_case field names, as in the access module.
import { z } from "zod";
import { PRODUCT_BILLINGS, RECURRING_INTERVALS } from "../../db/schema/index.ts";
import { RecordId } from "../../lib/record-id.ts";
import { Currency, Id, MinorAmount, Name, OptionalText, Percent } from "./fields.ts";

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListQuery = z.input<typeof ListQuery>;

const companyFields = {
  name: Name,
  email: OptionalText(254),
  phone: OptionalText(50),
  website: OptionalText(500),
};
export const CreateCompanyInput = z.strictObject(companyFields);
export type CreateCompanyInput = z.input<typeof CreateCompanyInput>;
export const UpdateCompanyInput = z.strictObject({
  ...companyFields,
  name: Name.optional(),
  /** true archives (lists hide it), false restores it. */
  archived: z.boolean().optional(),
});
export type UpdateCompanyInput = z.input<typeof UpdateCompanyInput>;
/** `updateCompany`'s whole input: the company's id beside the fields to change. */
export const UpdateCompanyCommand = UpdateCompanyInput.extend({ id: RecordId });
export type UpdateCompanyCommand = z.input<typeof UpdateCompanyCommand>;

const contactFields = {
  name: Name,
  company_id: Id.nullable().optional(),
  email: OptionalText(254),
  phone: OptionalText(50),
};
const contactWriteFields = {
  ...contactFields,
  /** The company's one primary contact; setting it moves the mark from the previous one. */
  is_primary: z.boolean().optional(),
};
export const CreateContactInput = z.strictObject(contactWriteFields);
export type CreateContactInput = z.input<typeof CreateContactInput>;
export const UpdateContactInput = z.strictObject({ ...contactWriteFields, name: Name.optional() });
export type UpdateContactInput = z.input<typeof UpdateContactInput>;
/** `updateContact`'s whole input: the contact's id beside the fields to change. */
export const UpdateContactCommand = UpdateContactInput.extend({ id: RecordId });
export type UpdateContactCommand = z.input<typeof UpdateContactCommand>;

const productFields = {
  name: Name,
  sku: OptionalText(100),
  unit_amount: MinorAmount,
  currency: Currency,
  unit: z.string().trim().min(1).max(40).optional(),
  deposit_percent: Percent.nullable().optional(),
  billing: z.enum(PRODUCT_BILLINGS).optional(),
  tax_rate: Percent.optional(),
  is_active: z.boolean().optional(),
  description: OptionalText(2000),
  recurring_interval: z.enum(RECURRING_INTERVALS).nullable().optional(),
  xero_account_code: OptionalText(50),
};
export const CreateProductInput = z.strictObject(productFields);
export type CreateProductInput = z.input<typeof CreateProductInput>;
export const UpdateProductInput = z.strictObject({
  ...productFields,
  name: Name.optional(),
  unit_amount: MinorAmount.optional(),
  currency: Currency.optional(),
});
export type UpdateProductInput = z.input<typeof UpdateProductInput>;
/** `updateProduct`'s whole input: the product's id beside the fields to change. */
export const UpdateProductCommand = UpdateProductInput.extend({ id: RecordId });
export type UpdateProductCommand = z.input<typeof UpdateProductCommand>;

/** Company lists: `archived` false (default) hides archived companies, true includes them, only shows just those. */
/** At most one page of ids, comma-separated, so a board can name its cards' companies in one request. */
const IdList = z.array(Id).max(100, "at most 100 ids");
const CompanyIds = z
  .union([
    z
      .string()
      .max(100 * 65)
      .transform((text) => [...new Set(text.split(",").map((id) => id.trim()))].filter(Boolean))
      .pipe(IdList),
    // The route hands the verb the list it already split.
    IdList,
  ])
  .describe("Comma-separated company ids (at most 100): only these, archived too unless `archived` says otherwise");

export const ListCompaniesQuery = ListQuery.extend({
  archived: z.enum(["false", "true", "only"]).optional(),
  sort: z.enum(["newest", "name"]).optional(),
  ids: CompanyIds.optional(),
});
export type ListCompaniesQuery = z.input<typeof ListCompaniesQuery>;
