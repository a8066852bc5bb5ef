import { z } from "@hono/zod-openapi";

export const CompanySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    xero_contact_id: z.string().nullable(),
    archived_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Company");

type CompanyRow = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  xeroContactId: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export function toCompanyDto(row: CompanyRow): z.infer<typeof CompanySchema> {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    website: row.website,
    xero_contact_id: row.xeroContactId,
    archived_at: row.archivedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const ContactSchema = z
  .object({
    id: z.string(),
    company_id: z.string().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    is_primary: z.boolean().openapi({ description: "The company's primary contact (at most one per company)" }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Contact");

type ContactRow = Omit<CompanyRow, "website" | "xeroContactId" | "archivedAt"> & {
  companyId: string | null;
  isPrimary: boolean;
};

export function toContactDto(row: ContactRow): z.infer<typeof ContactSchema> {
  return {
    id: row.id,
    company_id: row.companyId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    is_primary: row.isPrimary,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const ProductSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    sku: z.string().nullable(),
    unit_amount: z.number().int().openapi({ description: "Minor units of `currency`" }),
    currency: z.string(),
    unit: z.string(),
    deposit_percent: z.number().nullable().openapi({ description: "Default deposit %; null → workspace default" }),
    billing: z.enum(["one_off", "recurring"]),
    tax_rate: z.number().openapi({ description: "Default tax rate, percent" }),
    is_active: z.boolean(),
    description: z.string().nullable(),
    recurring_interval: z.enum(["week", "month", "quarter", "year"]).nullable(),
    xero_account_code: z.string().nullable().openapi({ description: "Xero revenue account code; null → default" }),
    archived_at: z
      .string()
      .nullable()
      .openapi({ description: "Set when a product used on lines was removed from the catalogue" }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Product");

type ProductRow = {
  id: string;
  name: string;
  sku: string | null;
  unitAmount: number;
  currency: string;
  unit: string;
  defaultDepositPercent: string | null;
  billing: "one_off" | "recurring";
  taxRate: string;
  isActive: boolean;
  description: string | null;
  recurringInterval: "week" | "month" | "quarter" | "year" | null;
  xeroAccountCode: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export function toProductDto(row: ProductRow): z.infer<typeof ProductSchema> {
  return {
    id: row.id,
    name: row.name,
    sku: row.sku,
    unit_amount: row.unitAmount,
    currency: row.currency,
    unit: row.unit,
    deposit_percent: row.defaultDepositPercent === null ? null : Number(row.defaultDepositPercent),
    billing: row.billing,
    tax_rate: Number(row.taxRate),
    is_active: row.isActive,
    description: row.description,
    recurring_interval: row.recurringInterval,
    xero_account_code: row.xeroAccountCode,
    archived_at: row.archivedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
