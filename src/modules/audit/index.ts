export { type ListAuditEventsInput, listAuditEvents } from "./list-audit-events.ts";
export { type AuditEntry, type Origin, recordAudit, recordSignInAudit } from "./record-audit.ts";
