import type { SandboxClock } from "../shared/clock.ts";
import type { GrantService } from "./identity/grants.ts";
import type { XeroSandboxLimits } from "./options.ts";
import type { SandboxStore } from "./state/store.ts";
import type { EventSink } from "./webhooks/events.ts";

/** Everything a route or service needs; built once per sandbox. */
export interface SandboxContext {
  store: SandboxStore;
  clock: SandboxClock;
  grants: GrantService;
  events: EventSink;
  limits: XeroSandboxLimits;
  publicUrl: string;
}
