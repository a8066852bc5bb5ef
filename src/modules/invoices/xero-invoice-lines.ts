import type { AccountingLedger, LedgerTaxRate } from "../../integrations/accounting/port.ts";
import { AppError } from "../../lib/errors.ts";
import { canonicalDecimal, compareDecimal, toDecimal } from "../../lib/money.ts";
import type { PreviewLine } from "./engine/index.ts";
import type { ParsedXeroInvoice } from "./xero-invoice-input.ts";

export type XeroLineSettings = { accountCode: string; taxType: string };

const sameRate = (a: string, b: string) => compareDecimal(toDecimal(a), toDecimal(b)) === 0;

/**
 * Each line's revenue account and Xero tax type: the line's own setting, else the invoice's, else the
 * workspace's (default account; tax mapping by rate), else the organisation's only revenue tax rate with the
 * line's percentage (NONE for untaxed lines). Each line keeps its own tax rate, so Xero's totals are the preview's totals.
 */
export async function resolveXeroLines(
  lines: readonly PreviewLine[],
  parsed: Pick<ParsedXeroInvoice, "account_code" | "line_settings"> & { tax_type?: string | undefined },
  defaults: { accountCode: string | null; taxMappings: readonly { taxRate: string; taxType: string }[] },
  ledger: Pick<AccountingLedger, "listTaxRates">,
): Promise<XeroLineSettings[]> {
  let rates: LedgerTaxRate[] | undefined;
  const xeroRates = async () => {
    rates ??= (await ledger.listTaxRates()).filter((t) => t.canApplyToRevenue);
    return rates;
  };
  const invoiceTaxRate = parsed.tax_type ? (await xeroRates()).find((t) => t.type === parsed.tax_type) : undefined;
  if (parsed.tax_type && !invoiceTaxRate) {
    throw new AppError("invalid_input", `${parsed.tax_type} is not a revenue tax rate in the connected organisation.`, {
      issues: [{ field: "tax_type", message: "unknown tax type", allowed: (await xeroRates()).map((t) => t.type) }],
    });
  }
  const settled: XeroLineSettings[] = [];
  for (const line of lines) {
    const own = parsed.line_settings?.find((s) => s.line_id === line.productLineId);
    const accountCode = own?.account_code ?? parsed.account_code ?? defaults.accountCode;
    if (!accountCode) {
      throw new AppError("invalid_input", "No revenue account for the invoice lines.", {
        issues: [{ field: "account_code", message: "required: the workspace has no default revenue account" }],
        fix: "Choose a revenue account, or set a default under Settings → Integrations → Xero.",
      });
    }
    const taxType =
      own?.tax_type ??
      (invoiceTaxRate && sameRate(invoiceTaxRate.ratePercent, line.taxRate) ? invoiceTaxRate.type : undefined) ??
      defaults.taxMappings.find((m) => sameRate(m.taxRate, line.taxRate))?.taxType ??
      onlyRateWith(line, await xeroRates());
    settled.push({ accountCode, taxType });
  }
  return settled;
}

function onlyRateWith(line: PreviewLine, rates: readonly LedgerTaxRate[]): string {
  const matching = rates.filter((t) => sameRate(t.ratePercent, line.taxRate));
  if (matching.length === 1 && matching[0]) return matching[0].type;
  // Untaxed lines: every Xero region has NONE ("No GST", "No VAT", "Tax Exempt"), the plain choice among
  // the several 0% rates (zero-rated and exempt ones report differently and are chosen by mapping).
  if (matching.some((t) => t.type === "NONE")) return "NONE";
  const percent = canonicalDecimal(line.taxRate);
  throw new AppError(
    "invalid_input",
    matching.length === 0
      ? `The connected Xero organisation has no revenue tax rate of ${percent}% for "${line.description}".`
      : `Several Xero tax rates are ${percent}% (${matching.map((t) => t.type).join(", ")}); choose one for "${line.description}".`,
    {
      issues: [
        {
          field: "line_settings.tax_type",
          message: `no single Xero tax type for ${percent}%`,
          allowed: (matching.length > 0 ? matching : rates).map((t) => t.type),
        },
      ],
      fix: "Map Settle tax rates to Xero tax rates under Settings → Integrations → Xero, or set the line's tax type.",
    },
  );
}
