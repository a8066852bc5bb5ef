import type { JobDefinition } from "./define-job.ts";
import { automationMatchJob, automationRunActionJob } from "./definitions/automations.ts";
import { importRunJob } from "./definitions/imports.ts";
import { invoiceChangedJob } from "./definitions/invoice-changed.ts";
import { mailDeliverJob } from "./definitions/mail.ts";
import { deactivatePaymentLinkJob, stripeEventJob } from "./definitions/stripe-events.ts";
import { sweepJob } from "./definitions/sweep.ts";
import { xeroReconcileJob } from "./definitions/xero-reconcile.ts";
import { xeroSyncJob } from "./definitions/xero-sync.ts";
import { xeroWebhookJob, xeroWorkspaceSyncJob } from "./definitions/xero-workspace-sync.ts";

/** Every job Settle knows. A definition file under definitions/ is added here once. */
export const JOB_DEFINITIONS: readonly JobDefinition[] = [
  invoiceChangedJob as JobDefinition,
  xeroSyncJob as JobDefinition,
  xeroReconcileJob as JobDefinition,
  sweepJob as JobDefinition,
  stripeEventJob as JobDefinition,
  deactivatePaymentLinkJob as JobDefinition,
  mailDeliverJob as JobDefinition,
  importRunJob as JobDefinition,
  automationMatchJob as JobDefinition,
  automationRunActionJob as JobDefinition,
  xeroWebhookJob as JobDefinition,
  xeroWorkspaceSyncJob as JobDefinition,
];
