import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono } from "hono";

const require = createRequire(import.meta.url);
const SWAGGER_DIR = dirname(require.resolve("swagger-ui-dist/package.json"));
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css",
  "swagger-ui-bundle.js": "text/javascript",
};

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Settle API reference</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#ui", deepLinking: true });`;

/** A browsable reference served from the installed swagger-ui-dist, so it works offline. */
export const docsRoutes = new Hono()
  .get("/", (c) => c.html(PAGE))
  .get("/init.js", (c) => c.body(INIT, 200, { "content-type": "text/javascript" }))
  .get("/:asset", async (c) => {
    const asset = c.req.param("asset");
    const type = ASSETS[asset];
    if (!type) {
      return c.notFound();
    }
    const content = await readFile(join(SWAGGER_DIR, asset));
    return c.body(content, 200, { "content-type": type, "cache-control": "public, max-age=86400" });
  });
