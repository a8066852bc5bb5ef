export { companiesCsv } from "./companies-csv.ts";
export { contactsCsv } from "./contacts-csv.ts";
export { opportunitiesCsv } from "./opportunities-csv.ts";
export { productsCsv } from "./products-csv.ts";
export * from "./schemas.ts";
