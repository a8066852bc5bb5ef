import { Button } from "../../components/ui/button.tsx";
import { Pill } from "../../components/ui/pill.tsx";
import { Table } from "../../components/ui/table.tsx";
import { formatDateTime } from "../../lib/format.ts";
import type { PortalLink } from "./types.ts";

const STATE_LABEL: Record<PortalLink["state"], string> = { active: "Active", expired: "Expired", revoked: "Revoked" };
const STATE_TONE = { active: "green", expired: "grey", revoked: "red" } as const;

/** Every link made for the contact: when it ends, whether it was opened, and Revoke while it works. */
export function PortalLinksTable({
  links,
  canWrite,
  revoking,
  onRevoke,
}: {
  links: PortalLink[];
  canWrite: boolean;
  revoking: string | null;
  onRevoke: (id: string) => void;
}) {
  if (links.length === 0) {
    return <p className="muted small">No portal links yet.</p>;
  }
  return (
    <Table
      testId="portal-links"
      head={
        <tr>
          <th>Created</th>
          <th>Expires</th>
          <th>Last opened</th>
          <th>State</th>
          <th />
        </tr>
      }
    >
      {links.map((link) => (
        <tr key={link.id} data-testid="portal-link-row" data-link-id={link.id} data-state={link.state}>
          <td>{formatDateTime(link.created_at)}</td>
          <td>{formatDateTime(link.revoked_at ?? link.expires_at)}</td>
          <td>{link.last_used_at ? formatDateTime(link.last_used_at) : "Never"}</td>
          <td>
            <Pill tone={STATE_TONE[link.state]} testId="portal-link-state">
              {STATE_LABEL[link.state]}
            </Pill>
          </td>
          <td>
            {canWrite && link.state === "active" ? (
              <Button
                size="sm"
                variant="danger"
                busy={revoking === link.id}
                onClick={() => onRevoke(link.id)}
                data-testid="revoke-portal-link"
              >
                Revoke
              </Button>
            ) : null}
          </td>
        </tr>
      ))}
    </Table>
  );
}
