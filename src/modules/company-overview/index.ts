export { type CompanyInvoice, getCompanyOverview } from "./get-company-overview.ts";
export type { PayerRelation } from "./payer-relations.ts";
