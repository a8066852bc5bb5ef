/**
 * Fills `{{invoice.number}}`-style fields from a flat map; an unknown or stripped field becomes empty rather
 * than leaking the braces (or a figure the owner may not see) into a client's inbox.
 */
export function renderTemplate(template: string, fields: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([a-z_]+(?:\.[a-z_]+)?)\s*\}\}/g, (_, name: string) => fields[name] ?? "");
}

/** The merge fields docs/automations.md lists, for the editor's hint. */
export const MERGE_FIELDS = [
  "invoice.number",
  "invoice.total",
  "invoice.due_date",
  "amount_due",
  "amount",
  "company.name",
  "opportunity.name",
  "opportunity.stage",
  "opportunity.status",
  "contact.name",
] as const;
