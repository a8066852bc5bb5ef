/**
 * The column names of a CSV file's first record (RFC 4180: quoted fields may hold commas, doubled quotes and
 * line breaks). Only the header is read here, to offer the mapping; the server parses and validates the rows.
 */
export function csvHeader(text: string): string[] {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      fields.push(field.trim());
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      break;
    } else {
      field += ch;
    }
  }
  fields.push(field.trim());
  return fields.length === 1 && fields[0] === "" ? [] : fields;
}

/** "Company Name" ~ "company_name": how a column is matched to a field before the user changes it. */
export function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "");
}
