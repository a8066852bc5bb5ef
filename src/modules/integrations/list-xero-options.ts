import { z } from "zod";
import type { Ctx } from "../../context.ts";
import type { AccountingLedger } from "../../integrations/accounting/port.ts";
import { parseInput } from "../../lib/validation.ts";
import { requireScope } from "../access/index.ts";
import { xeroLedger } from "./xero-session.ts";

export const XERO_OPTION_KINDS = ["accounts", "bank-accounts", "tax-rates", "branding-themes"] as const;

export const ListXeroOptionsInput = z.strictObject({ kind: z.enum(XERO_OPTION_KINDS) });

export type XeroOption = {
  id: string;
  code: string;
  name: string;
  /** Tax rates: the percentage; bank accounts: the account number; otherwise null. */
  detail: string | null;
};

const REVENUE_TYPES = new Set(["REVENUE", "SALES", "OTHERINCOME"]);

/**
 * What the connected organisation offers for an invoice or a payment, read live from Xero: revenue accounts,
 * bank accounts payments may go into, tax rates that apply to revenue, and branding themes.
 */
export async function listXeroOptions(ctx: Ctx, input: z.input<typeof ListXeroOptionsInput>): Promise<XeroOption[]> {
  const { kind } = parseInput(ListXeroOptionsInput, input);
  requireScope(ctx.actor.scopes, "invoices:read");
  const { ledger } = await xeroLedger(ctx);
  return readXeroOptions(ledger, kind);
}

/** One kind of option from the organisation, filtered to what an invoice or payment may use. */
export async function readXeroOptions(
  ledger: AccountingLedger,
  kind: (typeof XERO_OPTION_KINDS)[number],
): Promise<XeroOption[]> {
  switch (kind) {
    case "accounts":
      return (await ledger.listAccounts())
        .filter((a) => REVENUE_TYPES.has(a.type))
        .map((a) => ({ id: a.id, code: a.code, name: a.name, detail: null }));
    case "bank-accounts":
      return (await ledger.listAccounts())
        .filter((a) => a.type === "BANK" && a.enablePayments)
        .map((a) => ({ id: a.id, code: a.code, name: a.name, detail: a.bankAccountNumber }));
    case "tax-rates":
      return (await ledger.listTaxRates())
        .filter((t) => t.canApplyToRevenue)
        .map((t) => ({ id: t.type, code: t.type, name: t.name, detail: t.ratePercent }));
    case "branding-themes":
      return (await ledger.listBrandingThemes()).map((b) => ({ id: b.id, code: b.id, name: b.name, detail: null }));
  }
}
