import { useState } from "react";
import type { InvoicePreviewLine, XeroInvoicing, XeroLineSetting } from "../../lib/types.ts";
import { useXeroOptions } from "../integrations/queries.ts";
import { defaultTaxType } from "./tax-defaults.ts";

/**
 * How the invoice is coded in Xero: the revenue account and branding theme (the workspace's defaults to
 * start with) and each product line's tax type (the workspace mapping to start with; the member may change it).
 */
export function useXeroCoding(status: XeroInvoicing, open: boolean) {
  const accounts = useXeroOptions("accounts", open);
  const taxRates = useXeroOptions("tax-rates", open);
  const themes = useXeroOptions("branding-themes", open);
  const [account, setAccount] = useState(status.default_account_code ?? "");
  const [theme, setTheme] = useState(status.branding_theme_id ?? "");
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const taxTypeFor = (line: InvoicePreviewLine): string =>
    (line.product_line_id ? chosen[line.product_line_id] : undefined) ??
    defaultTaxType(line.tax_rate, status.tax_mappings, taxRates.data ?? []);
  return {
    accounts: accounts.data ?? [],
    taxRates: taxRates.data ?? [],
    themes: themes.data ?? [],
    loading: accounts.isPending || taxRates.isPending || themes.isPending,
    error: accounts.error ?? taxRates.error ?? themes.error,
    account,
    setAccount,
    theme,
    setTheme,
    taxTypeFor,
    setTaxType: (lineId: string, taxType: string) => setChosen((c) => ({ ...c, [lineId]: taxType })),
    /** The request's coding fields: only what was chosen, so the server's defaults apply to the rest. */
    body(lines: InvoicePreviewLine[]): {
      account_code?: string;
      branding_theme_id?: string;
      line_settings?: XeroLineSetting[];
    } {
      const settings = lines.flatMap((l) => {
        const taxType = taxTypeFor(l);
        return l.product_line_id && taxType ? [{ line_id: l.product_line_id, tax_type: taxType }] : [];
      });
      return {
        ...(account ? { account_code: account } : {}),
        ...(theme ? { branding_theme_id: theme } : {}),
        ...(settings.length > 0 ? { line_settings: settings } : {}),
      };
    },
    reset: () => {
      setAccount(status.default_account_code ?? "");
      setTheme(status.branding_theme_id ?? "");
      setChosen({});
    },
  };
}

export type XeroCoding = ReturnType<typeof useXeroCoding>;
