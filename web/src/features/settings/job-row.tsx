import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import type { Job } from "../../lib/types.ts";
import { DEAD_JOBS_KEY } from "./queries.ts";

export function JobRow({ job }: { job: Job }) {
  const client = useQueryClient();
  const toast = useToast();
  const retry = useMutation<Job, ApiError>({
    mutationFn: () => api(`/jobs/${job.id}/retry`, { method: "POST" }),
    onSuccess: async () => {
      toast(`${job.name} queued again`);
      await client.invalidateQueries({ queryKey: DEAD_JOBS_KEY });
    },
  });
  return (
    <tr data-testid="job-row" data-job-id={job.id}>
      <td>
        <code>{job.name}</code>
        <div className="muted small">{job.id}</div>
      </td>
      <td className="job-error">
        <ErrorBanner error={retry.error} />
        <span data-testid="job-error">{job.last_error ?? "—"}</span>
      </td>
      <td className="num">
        {job.attempts}/{job.max_attempts}
      </td>
      <td>{formatDateTime(job.finished_at ?? job.run_at)}</td>
      <td className="actions-cell">
        <Button size="sm" busy={retry.isPending} onClick={() => retry.mutate()} data-testid="retry-job">
          Retry
        </Button>
      </td>
    </tr>
  );
}
