import { humanise } from "../../lib/format.ts";
import { groupScopes } from "./queries.ts";

type Props = { available: string[]; selected: string[]; onChange: (next: string[]) => void; disabled?: boolean };

/** Checkboxes for scopes, grouped by area; only scopes the caller holds can go on a key. */
export function ScopeChecklist({ available, selected, onChange, disabled }: Props) {
  const toggle = (scope: string, on: boolean) =>
    onChange(on ? available.filter((s) => s === scope || selected.includes(s)) : selected.filter((s) => s !== scope));
  return (
    <div className="scope-checklist" data-testid="scope-checklist">
      {groupScopes(available).map(([area, scopes]) => (
        <fieldset key={area} className="scope-group" disabled={disabled}>
          <legend>{humanise(area)}</legend>
          {scopes.map((scope) => (
            <label key={scope} className="check">
              <input
                type="checkbox"
                value={scope}
                checked={selected.includes(scope)}
                onChange={(e) => toggle(scope, e.target.checked)}
              />
              {scope.split(":")[1]}
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
