import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { EmptyState, Loading } from "../../components/ui/states.tsx";
import { Table } from "../../components/ui/table.tsx";
import type { Job } from "../../lib/types.ts";
import { usePageList } from "../../lib/use-page-list.ts";
import { JobRow } from "./job-row.tsx";
import { DEAD_JOBS_KEY } from "./queries.ts";

/** Background jobs that ran out of attempts, with their last error and a Retry. */
export function JobsPage() {
  const jobs = usePageList<Job>(DEAD_JOBS_KEY, "/jobs", { status: "dead" });
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Jobs</h1>
          <p className="muted">Background work that failed every attempt. Fix the cause, then retry.</p>
        </div>
        <Button onClick={() => void jobs.refetch()} busy={jobs.isRefetching} data-testid="refresh-jobs">
          Refresh
        </Button>
      </header>
      <ErrorBanner error={jobs.error} onRetry={() => void jobs.refetch()} />
      <Card>
        {jobs.isPending ? (
          <Loading />
        ) : jobs.items.length === 0 ? (
          <EmptyState title="No failed jobs">
            <p className="muted">Every background job has succeeded or is still being retried.</p>
          </EmptyState>
        ) : (
          <Table
            testId="jobs-table"
            head={
              <tr>
                <th>Job</th>
                <th>Last error</th>
                <th className="num">Attempts</th>
                <th>Failed</th>
                <th aria-label="Actions" />
              </tr>
            }
          >
            {jobs.items.map((job) => (
              <JobRow key={job.id} job={job} />
            ))}
          </Table>
        )}
        {jobs.hasNextPage ? (
          <div className="load-more">
            <Button onClick={() => void jobs.fetchNextPage()} busy={jobs.isFetchingNextPage}>
              Load more
            </Button>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
