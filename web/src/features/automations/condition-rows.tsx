import { Button } from "../../components/ui/button.tsx";
import { CONDITION_FIELDS, CONDITION_OPS, type ConditionDraft } from "./types.ts";

type Props = {
  mode: "all" | "any";
  rows: ConditionDraft[];
  onMode: (mode: "all" | "any") => void;
  onRows: (rows: ConditionDraft[]) => void;
};

/** Conditions on the event's fields, all of them or any of them. */
export function ConditionRows({ mode, rows, onMode, onRows }: Props) {
  const set = (index: number, patch: Partial<ConditionDraft>) =>
    onRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="automation-conditions" data-testid="automation-conditions">
      <legend>
        Only when{" "}
        <select aria-label="Match" value={mode} onChange={(e) => onMode(e.target.value as "all" | "any")}>
          <option value="all">all of</option>
          <option value="any">any of</option>
        </select>{" "}
        these hold {rows.length === 0 ? <span className="muted">(no conditions: always)</span> : null}
      </legend>
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
        <div className="automation-row" key={index}>
          <select aria-label="Field" value={row.field} onChange={(e) => set(index, { field: e.target.value })}>
            {CONDITION_FIELDS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
          <select aria-label="Comparison" value={row.op} onChange={(e) => set(index, { op: e.target.value })}>
            {CONDITION_OPS.map(([op, label]) => (
              <option key={op} value={op}>
                {label}
              </option>
            ))}
          </select>
          <input
            aria-label="Value"
            value={row.value}
            maxLength={200}
            onChange={(e) => set(index, { value: e.target.value })}
          />
          <Button size="sm" variant="ghost" onClick={() => onRows(rows.filter((_, i) => i !== index))}>
            Remove
          </Button>
        </div>
      ))}
      <Button size="sm" onClick={() => onRows([...rows, { field: "amount", op: "gte", value: "" }])}>
        Add condition
      </Button>
    </fieldset>
  );
}
