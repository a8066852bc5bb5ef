export { getReceivables, type Receivables } from "./get-receivables.ts";
export * from "./schemas.ts";
