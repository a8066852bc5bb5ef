import { Hono } from "hono";
import type { ApiEnv } from "../../api/api-env.ts";
import { wireQuery } from "../../api/batch.ts";
import { envelope, notFound, queryParseError } from "../../api/responses.ts";
import { compileOrder, compileWhere, type FieldMap, QueryError } from "../../api/where-filter.ts";
import type { SandboxContext } from "../../context.ts";
import type { AccountRecord, TaxRateRecord } from "../../state/types.ts";
import { accountToWire, brandingThemeToWire, organisationToWire, taxRateToWire } from "./settings-wire.ts";

const ACCOUNT_FIELDS: FieldMap<AccountRecord> = {
  accountid: (a) => a.accountId.toLowerCase(),
  code: (a) => a.code,
  name: (a) => a.name,
  type: (a) => a.type,
  class: (a) => a.accountClass,
  status: (a) => a.status,
  taxtype: (a) => a.taxType,
  enablepaymentstoaccount: (a) => a.enablePaymentsToAccount,
  bankaccountnumber: (a) => a.bankAccountNumber,
};

const TAX_FIELDS: FieldMap<TaxRateRecord> = {
  taxtype: (t) => t.taxType,
  name: (t) => t.name,
  status: () => "ACTIVE",
  effectiverate: (t) => t.rate,
  reporttaxtype: (t) => t.reportTaxType,
  canapplytorevenue: (t) => taxRateToWire(t).CanApplyToRevenue as boolean,
  canapplytoexpenses: (t) => taxRateToWire(t).CanApplyToExpenses as boolean,
};

/** Organisation, Accounts, TaxRates and BrandingThemes: read-only settings. */
export function settingsRoutes(ctx: SandboxContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const now = (): number => ctx.clock.nowMs();

  app.get("/Organisation", (c) => c.json(envelope(now(), "Organisations", [organisationToWire(c.get("org"))])));

  app.get("/Accounts", (c) => {
    const org = c.get("org");
    try {
      const accounts = filterAndSort(
        org.accounts,
        wireQuery(c, "where"),
        wireQuery(c, "order"),
        ACCOUNT_FIELDS,
        "Account",
      );
      return c.json(
        envelope(
          now(),
          "Accounts",
          accounts.map((a) => accountToWire(a, org.baseCurrency)),
        ),
      );
    } catch (error) {
      if (error instanceof QueryError) return queryParseError(c, error.message);
      throw error;
    }
  });

  app.get("/Accounts/:id", (c) => {
    const org = c.get("org");
    const account = org.accounts.find((a) => a.accountId === c.req.param("id").toLowerCase());
    return account ? c.json(envelope(now(), "Accounts", [accountToWire(account, org.baseCurrency)])) : notFound(c);
  });

  app.get("/TaxRates", (c) => {
    try {
      const rates = filterAndSort(
        c.get("org").taxRates,
        wireQuery(c, "where"),
        wireQuery(c, "order"),
        TAX_FIELDS,
        "TaxRate",
      );
      return c.json(envelope(now(), "TaxRates", rates.map(taxRateToWire)));
    } catch (error) {
      if (error instanceof QueryError) return queryParseError(c, error.message);
      throw error;
    }
  });

  app.get("/BrandingThemes", (c) =>
    c.json(envelope(now(), "BrandingThemes", c.get("org").brandingThemes.map(brandingThemeToWire))),
  );

  app.get("/BrandingThemes/:id", (c) => {
    const theme = c.get("org").brandingThemes.find((t) => t.brandingThemeId === c.req.param("id").toLowerCase());
    return theme ? c.json(envelope(now(), "BrandingThemes", [brandingThemeToWire(theme)])) : notFound(c);
  });

  return app;
}

function filterAndSort<T>(
  items: T[],
  where: string | undefined,
  order: string | undefined,
  fields: FieldMap<T>,
  typeName: string,
): T[] {
  let result = where ? items.filter(compileWhere(where, fields, typeName)) : [...items];
  if (order) result = result.sort(compileOrder(order, fields, typeName));
  return result;
}
