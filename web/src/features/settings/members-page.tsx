import { useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import { useCan } from "../../lib/session.tsx";
import type { Member } from "../../lib/types.ts";
import { usePageList } from "../../lib/use-page-list.ts";
import { InviteMemberDialog } from "./invite-member-dialog.tsx";
import { MemberRow } from "./member-row.tsx";
import { MEMBERS_KEY, useRoles } from "./queries.ts";

export function MembersPage() {
  const canWrite = useCan("members:write");
  const members = usePageList<Member>(MEMBERS_KEY, "/members");
  const roles = useRoles();
  const [inviting, setInviting] = useState(false);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Members</h1>
          <p className="muted">People who can sign in to this workspace, and the role each one holds.</p>
        </div>
        {canWrite ? (
          <Button variant="primary" onClick={() => setInviting(true)} data-testid="invite-member">
            Invite member
          </Button>
        ) : null}
      </header>
      <ErrorBanner error={members.error ?? roles.error} onRetry={() => void members.refetch()} />
      <Card>
        {members.isPending ? (
          <Loading />
        ) : members.items.length === 0 ? (
          <EmptyState title="No members yet">
            <p className="muted">Invite a colleague to get started.</p>
          </EmptyState>
        ) : (
          <Table
            head={
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Role</th>
                <th>Status</th>
                <th aria-label="Actions" />
              </tr>
            }
          >
            {members.items.map((m) => (
              <MemberRow key={m.id} member={m} roles={roles.data ?? []} canWrite={canWrite} />
            ))}
          </Table>
        )}
        {members.hasNextPage ? (
          <div className="load-more">
            <Button onClick={() => void members.fetchNextPage()} busy={members.isFetchingNextPage}>
              Load more
            </Button>
          </div>
        ) : null}
      </Card>
      <InviteMemberDialog open={inviting} roles={roles.data ?? []} onClose={() => setInviting(false)} />
    </div>
  );
}
