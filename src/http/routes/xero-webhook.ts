import { Hono } from "hono";
import { receiveXeroWebhook } from "../../modules/integrations/index.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";
import { MAX_BODY_BYTES } from "../errors.ts";
import { declaredBodyLimit } from "../middleware/declared-body-limit.ts";

/**
 * `POST /webhooks/xero`: x-xero-signature is checked over the raw body before anything is parsed. A good
 * signature gets 200, a bad or missing one 401, both with an empty body and no cookie (Xero's rules, also for
 * Intent to Receive). A verified delivery is stored and its processing queued before the 200 goes back.
 */
export function xeroWebhookRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use("*", declaredBodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.body(null, 413) }));
  app.post("/", async (c) => {
    const raw = await c.req.text();
    if (!deps.accounting?.verifyWebhook(raw, c.req.header("x-xero-signature"))) return c.body(null, 401);
    await receiveXeroWebhook(deps.db, raw, deps.clock.now());
    return c.body(null, 200);
  });
  return app;
}
