import type { ImportEntity } from "../../db/schema/index.ts";
import { AppError } from "../../lib/errors.ts";
import { parseCsv } from "./csv.ts";
import { IMPORT_FIELDS, type ImportRecord, KEY_FIELDS, MAX_IMPORT_ROWS } from "./schemas.ts";

export type PreparedImport = {
  records: ImportRecord[];
  keyField: string | null;
  /** Field → the CSV header it came from, so errors name the column the person sees. */
  columnOf: Record<string, string>;
};

const normalise = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

/**
 * Reads the file into records by field name. Problems with the file as a whole (no header, a mapping to an
 * unknown field, an unknown key column) are the request's error (400); problems in a row are that row's.
 */
export function prepareRows(
  entity: ImportEntity,
  csv: string,
  mapping: Record<string, string> | undefined,
  keyColumn: string | undefined,
): PreparedImport {
  const [header, ...rows] = parseCsv(csv);
  if (!header) {
    throw new AppError("invalid_input", "The CSV is empty.", {
      issues: [{ field: "csv", message: "must start with a header row naming the columns" }],
    });
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError("invalid_input", `The CSV has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} per import.`, {
      issues: [{ field: "csv", message: `split the file into parts of at most ${MAX_IMPORT_ROWS} rows` }],
    });
  }
  const allowed = IMPORT_FIELDS[entity];
  const fields = header.map((h) => {
    if (!mapping) {
      const name = normalise(h);
      return allowed.includes(name) ? name : null;
    }
    const target = mapping[h] ?? mapping[h.trim()];
    if (target === undefined || target === "") return null;
    if (!allowed.includes(target)) {
      throw new AppError("invalid_input", `The column "${h}" maps to "${target}", which ${entity} do not have.`, {
        issues: [{ field: `mapping.${h}`, message: "must be one of the allowed fields", allowed: [...allowed] }],
      });
    }
    return target;
  });
  const columnOf: Record<string, string> = {};
  fields.forEach((f, i) => {
    if (f && columnOf[f] === undefined) columnOf[f] = header[i] ?? f;
  });
  if (!fields.includes("name") && !fields.includes("id")) {
    throw new AppError("invalid_input", `No column maps to the ${entity}' name.`, {
      issues: [{ field: "mapping", message: "map a column to name (or id)", allowed: [...allowed] }],
    });
  }
  const keyField = resolveKey(entity, keyColumn, fields, mapping);
  const records = rows.map((cells, index) => {
    const values: Record<string, string> = {};
    fields.forEach((f, i) => {
      const cell = (cells[i] ?? "").trim();
      if (f && cell !== "" && values[f] === undefined) values[f] = cell;
    });
    return { row: index + 2, values };
  });
  return { records, keyField, columnOf };
}

function resolveKey(
  entity: ImportEntity,
  keyColumn: string | undefined,
  fields: (string | null)[],
  mapping: Record<string, string> | undefined,
): string | null {
  const keys = KEY_FIELDS[entity];
  if (keyColumn === undefined || keyColumn === "") {
    return keys.find((k) => fields.includes(k)) ?? null;
  }
  const field = mapping?.[keyColumn] ?? (keys.includes(keyColumn) ? keyColumn : normalise(keyColumn));
  if (!keys.includes(field) || !fields.includes(field)) {
    throw new AppError("invalid_input", `"${keyColumn}" cannot identify ${entity}.`, {
      issues: [{ field: "key_column", message: "must be a mapped column of one of these fields", allowed: [...keys] }],
    });
  }
  return field;
}
