import { msInstant } from "../../core/dates.ts";
import type { AccountRecord, BrandingThemeRecord, OrganisationRecord, TaxRateRecord } from "../../state/types.ts";

export function organisationToWire(org: OrganisationRecord): Record<string, unknown> {
  return {
    OrganisationID: org.organisationId,
    APIKey: "",
    Name: org.name,
    LegalName: org.name,
    PaysTax: true,
    Version: org.version,
    OrganisationType: "COMPANY",
    BaseCurrency: org.baseCurrency,
    CountryCode: org.countryCode,
    IsDemoCompany: true,
    OrganisationStatus: "ACTIVE",
    FinancialYearEndDay: 31,
    FinancialYearEndMonth: 3,
    SalesTaxBasis: "INVOICE",
    SalesTaxPeriod: "TWOMONTHS",
    DefaultSalesTax: "Tax Exclusive",
    DefaultPurchasesTax: "Tax Exclusive",
    CreatedDateUTC: msInstant(org.createdMs),
    OrganisationEntityType: "COMPANY",
    Timezone: org.timezone,
    ShortCode: org.shortCode,
    Edition: "BUSINESS",
    Class: "PREMIUM",
    Addresses: [],
    Phones: [],
    ExternalLinks: [],
    PaymentTerms: {},
  };
}

export function accountToWire(account: AccountRecord, currency: string): Record<string, unknown> {
  return {
    AccountID: account.accountId,
    Code: account.code,
    Name: account.name,
    Status: account.status,
    Type: account.type,
    TaxType: account.taxType,
    Class: account.accountClass,
    EnablePaymentsToAccount: account.enablePaymentsToAccount,
    ShowInExpenseClaims: false,
    BankAccountNumber: account.bankAccountNumber,
    BankAccountType: account.type === "BANK" ? "BANK" : "",
    CurrencyCode: account.type === "BANK" ? currency : undefined,
    ReportingCode: account.accountClass === "REVENUE" ? "REV" : "ASS",
    HasAttachments: false,
    UpdatedDateUTC: msInstant(0),
    AddToWatchlist: false,
  };
}

/** Report tax types of rates meant for purchases; the others are sales (or either, for NONE-like ones). */
const PURCHASE_REPORT_TYPES = new Set(["INPUT", "EXEMPTEXPENSES", "INPUTTAXED", "GSTONIMPORTS"]);
const SALES_REPORT_TYPES = new Set(["OUTPUT", "EXEMPTOUTPUT"]);

export function taxRateToWire(rate: TaxRateRecord): Record<string, unknown> {
  const purchases = PURCHASE_REPORT_TYPES.has(rate.reportTaxType);
  const sales = SALES_REPORT_TYPES.has(rate.reportTaxType);
  return {
    Name: rate.name,
    TaxType: rate.taxType,
    ReportTaxType: rate.reportTaxType,
    CanApplyToAssets: !sales,
    CanApplyToEquity: !sales,
    CanApplyToExpenses: !sales,
    CanApplyToLiabilities: true,
    CanApplyToRevenue: !purchases,
    DisplayTaxRate: rate.rate,
    EffectiveRate: rate.rate,
    Status: "ACTIVE",
    TaxComponents: [{ Name: rate.name, Rate: rate.rate, IsCompound: false, IsNonRecoverable: false }],
  };
}

export function brandingThemeToWire(theme: BrandingThemeRecord): Record<string, unknown> {
  return {
    BrandingThemeID: theme.brandingThemeId,
    Name: theme.name,
    SortOrder: theme.sortOrder,
    CreatedDateUTC: msInstant(theme.createdMs),
    Type: "INVOICE",
  };
}
