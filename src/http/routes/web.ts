import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";

/** The built React app; unknown non-API paths get index.html so client-side routes survive a reload. */
export function webRoutes(distDir: string) {
  const app = new Hono();
  const indexPath = join(distDir, "index.html");
  if (!existsSync(indexPath)) {
    return app.get("*", (c) =>
      c.text("The web app is not built. Run `npm run build:web` (npm start does it for you).", 503),
    );
  }
  const indexHtml = readFileSync(indexPath, "utf8");
  app.use("/assets/*", serveStatic({ root: distDir }));
  app.get("*", (c) => c.html(indexHtml));
  return app;
}
