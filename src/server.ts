import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import type { Config } from "./config.ts";
import { DEMO_CREDENTIALS_FILE } from "./demo/demo-credentials.ts";
import { prepareDemo } from "./demo/seed-demo.ts";
import { createApp } from "./http/app.ts";
import { createXeroAccounting } from "./integrations/accounting/xero.ts";
import { createMailTransport } from "./integrations/mail/index.ts";
import { createForeground } from "./jobs/foreground.ts";
import { JOB_DEFINITIONS } from "./jobs/registry.ts";
import { createJobRunner } from "./jobs/runner.ts";
import { systemClock } from "./lib/clock.ts";
import type { Logger } from "./lib/logger.ts";
import { PACKAGE_ROOT } from "./lib/package-root.ts";
import { defaultMailFrom } from "./modules/mail/index.ts";
import { removeAdminChannel, writeAdminChannel } from "./runtime/admin-channel.ts";
import { tryLockDataDir } from "./runtime/data-dir-lock.ts";
import { openMigratedDatabase } from "./runtime/open-migrated-db.ts";
import { createPaymentsProvider } from "./runtime/payments-provider.ts";
import { createSandboxMounts } from "./runtime/sandbox-mounts.ts";
import { lazySecretBox, loadSecretBox } from "./runtime/secret-key.ts";

export const WEB_DIST_DIR = join(PACKAGE_ROOT, "dist", "web");

/** How long requests in flight at SIGTERM may take before their connections are cut. */
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * Stops accepting connections and waits for requests in flight. `close()` alone also waits for every idle
 * keep-alive connection (a browser tab, a load balancer's pool) until its timeout, so idle ones are closed at
 * once and again as in-flight requests finish; after the grace the rest are cut.
 */
function closeServer(server: ReturnType<typeof serve>): Promise<void> {
  return new Promise<void>((done) => {
    const http = "closeIdleConnections" in server ? server : null;
    const idle = setInterval(() => http?.closeIdleConnections(), 50);
    const cut = setTimeout(() => http?.closeAllConnections(), SHUTDOWN_GRACE_MS);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      done();
    });
    http?.closeIdleConnections();
  });
}

/** The composition root for `settle start`: lock, migrate, seed, serve, and shut down cleanly on SIGTERM. */
export async function startServer(config: Config, logger: Logger): Promise<{ stop(): Promise<void>; url: string }> {
  const embedded = !config.databaseUrl;
  const lock = embedded ? tryLockDataDir(config.dataDir) : null;
  if (lock && !("release" in lock)) {
    throw new Error(
      `Another Settle process (pid ${lock.heldBy}) uses DATA_DIR ${config.dataDir}. Stop it or choose another DATA_DIR.`,
    );
  }
  const database = await openMigratedDatabase(config);
  const clock = systemClock;
  const demo = await prepareDemo({ db: database.db, clock }, { dataDir: config.dataDir, seed: config.seedDemo });
  if (demo.seeded) {
    logger.info({ workspace_id: demo.seeded.workspaceId }, "seeded the demo workspace");
  }
  const adminSecret = embedded ? randomBytes(32).toString("base64url") : undefined;
  const sandboxes = await createSandboxMounts(config);
  const accounting = config.xero ? createXeroAccounting(config.xero, loadSecretBox(config)) : undefined;
  const payments = createPaymentsProvider(config);
  const secrets = lazySecretBox(config);
  // The worker below shares this process; it gives way to requests being answered.
  const foreground = createForeground();
  const app = createApp({
    foreground,
    db: database.db,
    clock,
    logger,
    publicUrl: config.publicUrl,
    cookieSecure: config.cookieSecure,
    rateLimitPerMinute: config.rateLimitPerMinute,
    loginRateLimitPerMinute: config.loginRateLimitPerMinute,
    webDistDir: resolve(WEB_DIST_DIR),
    adminSecret,
    mounts: sandboxes.mounts,
    accounting,
    payments,
    mailFrom: config.mail.from,
    metricsToken: config.metricsToken,
    secrets,
  });
  const runner = createJobRunner({
    foreground,
    db: database.db,
    clock,
    logger,
    definitions: JOB_DEFINITIONS,
    accounting,
    payments,
    mail: createMailTransport(config.mail.smtpUrl),
    secrets,
    mailSettings: { from: config.mail.from ?? defaultMailFrom(config.publicUrl), publicUrl: config.publicUrl },
  });
  if (config.runWorker) {
    runner.start();
  }
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => done(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://127.0.0.1:${port}`;
  if (embedded && adminSecret) {
    writeAdminChannel(config.dataDir, { url, secret: adminSecret, pid: process.pid });
  }
  logger.info({ url: config.publicUrl, database: database.kind }, "Settle is listening");
  if (demo.credentials) {
    const { admin, editor, viewer } = demo.credentials;
    process.stdout.write(
      `\nDemo workspace: sign in at ${config.publicUrl} as\n  admin:  ${admin.email} / ${admin.password}\n  editor: ${editor.email} / ${editor.password}\n  viewer: ${viewer.email} / ${viewer.password}\n(kept in ${join(config.dataDir, DEMO_CREDENTIALS_FILE)})\n\n`,
    );
  }
  for (const link of sandboxes.consoleLinks) process.stdout.write(`${link}\n`);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info("shutting down: finishing in-flight requests");
      await closeServer(server);
      await runner.stop();
      await sandboxes.close();
      await database.close();
      if (embedded) {
        removeAdminChannel(config.dataDir);
        if (lock && "release" in lock) {
          lock.release();
        }
      }
      logger.info("stopped");
    })();
    return stopping;
  };
  return { stop, url };
}
