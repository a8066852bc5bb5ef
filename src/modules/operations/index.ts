export { ListJobsInput, listJobs, RetryJobInput, retryJob } from "./jobs.ts";
