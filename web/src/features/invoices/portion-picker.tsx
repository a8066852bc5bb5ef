import type { Portion } from "../../lib/types.ts";
import { PORTION_HINT, PORTION_LABEL, PORTIONS } from "./labels.ts";

/** A segmented radio group: the portion comes first because it decides which lines are pre-selected. */
export function PortionPicker({ value, onChange }: { value: Portion; onChange: (next: Portion) => void }) {
  return (
    <fieldset className="segmented" data-testid="portion-picker">
      <legend>Portion</legend>
      <div className="segmented-options">
        {PORTIONS.map((p) => (
          <label key={p} className={p === value ? "segment active" : "segment"}>
            <input
              type="radio"
              name="portion"
              value={p}
              checked={p === value}
              onChange={() => onChange(p)}
              data-testid={`portion-${p}`}
            />
            <span className="segment-label">{PORTION_LABEL[p]}</span>
            <span className="segment-hint">{PORTION_HINT[p]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
