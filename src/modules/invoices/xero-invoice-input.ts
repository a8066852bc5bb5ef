import { z } from "zod";
import { IsoDate } from "../../lib/dates.ts";
import { RecordId } from "../../lib/record-id.ts";
import { PreviewInvoiceInput } from "./schemas.ts";

const AccountCode = z.string().trim().min(1).max(10);
const TaxType = z.string().trim().min(1).max(50);

/** A Xero invoice: the native preview's selection plus what Xero needs to post it (SPEC §4.5). */
export const CreateXeroInvoiceInput = PreviewInvoiceInput.extend({
  due_date: IsoDate,
  /** Defaults to the workspace's revenue account (Settings → Integrations). */
  account_code: AccountCode.optional(),
  /** Xero's TaxType for lines whose Settle tax rate it matches; other lines use the workspace mapping. */
  tax_type: TaxType.optional(),
  /** Per-line revenue account and tax type, overriding the defaults for that product line. */
  line_settings: z
    .array(z.strictObject({ line_id: RecordId, account_code: AccountCode.optional(), tax_type: TaxType.optional() }))
    .max(500)
    .optional(),
  branding_theme_id: z.string().min(1).max(64).optional(),
  status: z.enum(["DRAFT", "AUTHORISED"]),
  /** `xero`: Xero emails the approved invoice to the contact; `none`: nobody is emailed. */
  email: z.enum(["none", "xero"]).default("none"),
  reference: z.string().max(200).optional(),
  confirm_double_billing: z.boolean().default(false),
});
export type CreateXeroInvoiceInput = z.input<typeof CreateXeroInvoiceInput>;

export const CreateXeroInvoiceCommand = CreateXeroInvoiceInput.extend({ opportunity_id: RecordId });
export type CreateXeroInvoiceCommand = z.input<typeof CreateXeroInvoiceCommand>;
export type ParsedXeroInvoice = z.output<typeof CreateXeroInvoiceCommand>;

/**
 * Xero's Reference carries Settle's invoice id after the member's own words, so a retry, a restart or the
 * reconciliation job can find the invoice Xero already made before making another.
 */
export function xeroReference(reference: string | null | undefined, invoiceId: string): string {
  return reference ? `${reference} · ${invoiceId}` : invoiceId;
}
