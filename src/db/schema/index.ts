export * from "./access.ts";
export * from "./crm.ts";
export * from "./integrations.ts";
export * from "./invoices.ts";
export * from "./jobs.ts";
export * from "./mail.ts";
export * from "./opportunities.ts";
export * from "./payments.ts";
