import type { Config } from "../config.ts";
import { setXeroLimits } from "../modules/integrations/xero-call-gate.ts";

/**
 * With the bundled Xero sandbox started at another rate (XERO_SANDBOX_CALLS_PER_MINUTE), Settle's limiter
 * follows it, 5 under as it stays under Xero's 60; every process that calls Xero (server, workers) applies it.
 */
export function followXeroSandboxLimits(config: Config): void {
  if (config.sandboxes && config.xeroSandboxCallsPerMinute) {
    setXeroLimits({ perMinute: config.xeroSandboxCallsPerMinute - 5 });
  }
}
