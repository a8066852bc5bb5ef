export * from "./schemas.ts";
export { search } from "./search.ts";
