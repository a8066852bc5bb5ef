import { Table } from "../../components/ui/table.tsx";
import { humanise } from "../../lib/format.ts";
import type { Role } from "../../lib/types.ts";
import { RoleRow } from "./role-row.tsx";

type Props = { roles: Role[]; groups: [string, string[]][]; canWrite: boolean };

/** Rows are roles; columns are scopes grouped by area (Opportunities: read · write · delete, …). */
const PRESET_ORDER = { admin: 0, editor: 1, viewer: 2 } as const;
const rank = (role: Role) => (role.preset ? PRESET_ORDER[role.preset] : 3);

export function PermissionGrid({ roles, groups, canWrite }: Props) {
  const sorted = [...roles].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  const head = (
    <>
      <tr>
        <th rowSpan={2} className="sticky-col">
          Role
        </th>
        {groups.map(([area, scopes]) => (
          <th key={area} colSpan={scopes.length} className="group-head">
            {humanise(area)}
          </th>
        ))}
      </tr>
      <tr>
        {groups.flatMap(([, scopes]) =>
          scopes.map((scope) => (
            <th key={scope} className="scope-head" title={scope}>
              {scope.split(":")[1]}
            </th>
          )),
        )}
      </tr>
    </>
  );
  return (
    <Table head={head} testId="permission-grid">
      {sorted.map((role) => (
        <RoleRow key={role.id} role={role} scopes={groups.flatMap(([, s]) => s)} canWrite={canWrite} />
      ))}
    </Table>
  );
}
