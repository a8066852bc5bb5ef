import type { Actor, MailSettings } from "../context.ts";
import type { Db } from "../db/client.ts";
import type { AccountingProvider } from "../integrations/accounting/port.ts";
import type { PaymentsProvider } from "../integrations/payments/port.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import type { SecretBox } from "../lib/secret-box.ts";

/** What middleware puts on the request context for handlers. */
export type AppEnv = {
  Variables: {
    deps: {
      db: Db;
      clock: Clock;
      accounting: AccountingProvider | undefined;
      payments: PaymentsProvider | undefined;
      mail: MailSettings;
      secrets?: SecretBox | undefined;
    };
    requestId: string;
    logger: Logger;
    actor: Actor;
    /** Set for cookie sessions only; API keys have no session. */
    sessionId: string | undefined;
    csrfToken: string | undefined;
  };
};
