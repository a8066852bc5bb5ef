import { Table } from "../../components/ui/table.tsx";
import type { ImportField } from "./import-fields.ts";

type Props = {
  fields: ImportField[];
  columns: string[];
  mapping: Record<string, string>;
  onChange: (mapping: Record<string, string>) => void;
};

/** One row per field the import reads: which column of the file fills it (or none). */
export function MappingTable({ fields, columns, mapping, onChange }: Props) {
  return (
    <Table
      testId="import-mapping"
      head={
        <tr>
          <th>Field</th>
          <th>Column in your file</th>
        </tr>
      }
    >
      {fields.map((f) => (
        <tr key={f.name} data-testid="mapping-row" data-field={f.name}>
          <td>
            {f.label}
            {f.required ? <span className="muted"> (required)</span> : null}
          </td>
          <td>
            <select
              aria-label={`Column for ${f.label}`}
              value={mapping[f.name] ?? ""}
              onChange={(e) => {
                const next = { ...mapping };
                if (e.target.value) next[f.name] = e.target.value;
                else delete next[f.name];
                onChange(next);
              }}
            >
              <option value="">— not imported —</option>
              {columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </td>
        </tr>
      ))}
    </Table>
  );
}
