export { ListJobsInput, listJobs, retryJob } from "./jobs.ts";
