export { type CompanyInvoice, getCompanyOverview } from "./get-company-overview.ts";
