import type { Context } from "hono";
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import {
  listPortalInvoices,
  markPortalLinkUsed,
  openPortalLink,
  type PortalAccess,
  portalBranding,
  portalInvoicePdf,
} from "../../modules/portal/index.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../env.ts";
import { clientIp } from "../middleware/rate-limit.ts";
import { createAttemptLimiter } from "./attempts.ts";
import type { PageBrand } from "./layout.ts";
import {
  invoicesPage,
  linkEndedPage,
  notFoundPage,
  signedOutPage,
  tooManyAttemptsPage,
  unavailablePage,
} from "./pages.ts";

export const PORTAL_COOKIE = "settle_portal";
export const PORTAL_TOKEN_ATTEMPTS_PER_MINUTE = 30;

type C = Context<AppEnv>;

/**
 * The client portal (SPEC §6): server-rendered pages for a company's contact, opened by a portal link. Its
 * session is its own cookie, scoped to /portal and holding the link's token, so it never authenticates
 * /api/v1 and every request checks the link again (revoking or expiring a link ends its sessions at once).
 */
export function portalRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const attempts = createAttemptLimiter(PORTAL_TOKEN_ATTEMPTS_PER_MINUTE);
  const ctx = { db: deps.db, clock: deps.clock };
  const secure = (c: C) => (deps.cookieSecure === "auto" ? c.req.url.startsWith("https:") : deps.cookieSecure);

  app.use("*", async (c, next) => {
    await next();
    // Invoices are private to the client: never cached or passed on as a referrer.
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
  });

  const refuse = (c: C, status: 401 | 404 | 410) => {
    deleteCookie(c, PORTAL_COOKIE, { path: "/portal" });
    return c.html(linkEndedPage(), status);
  };
  const tooMany = (c: C, retryAfter: number) => {
    c.header("Retry-After", String(retryAfter));
    return c.html(tooManyAttemptsPage(retryAfter), 429);
  };

  /** The session's link, or the page to answer with instead. */
  const session = async (c: C): Promise<{ access: PortalAccess; token: string } | Response> => {
    const token = getCookie(c, PORTAL_COOKIE);
    if (!token) return refuse(c, 401);
    const ip = `portal:${clientIp(c)}`;
    const wait = attempts.blocked(ip);
    if (wait > 0) return tooMany(c, wait);
    const opening = await openPortalLink(ctx, { token: token.slice(0, 200) });
    if (!opening.ok) {
      attempts.hit(ip);
      return refuse(c, opening.reason === "unknown" ? 404 : 410);
    }
    return { access: opening.access, token };
  };

  const brandOf = async (access: PortalAccess): Promise<PageBrand> => {
    const b = await portalBranding(ctx, access);
    return { name: b.name, accentColor: b.accentColor, hasLogo: b.logo !== null };
  };

  app.get("/", async (c) => {
    const s = await session(c);
    if (s instanceof Response) return s;
    const home = await listPortalInvoices(ctx, { token: s.token });
    if (!home.ok) return refuse(c, home.reason === "unknown" ? 404 : 410);
    return c.html(invoicesPage(await brandOf(home.access), home.companyName, home.invoices), 200);
  });

  app.get("/logo", async (c) => {
    const s = await session(c);
    if (s instanceof Response) return s;
    const { logo } = await portalBranding(ctx, s.access);
    if (!logo) return c.html(notFoundPage(), 404);
    c.header("Content-Type", logo.mimeType);
    c.header("X-Content-Type-Options", "nosniff");
    return c.body(new Uint8Array(logo.content), 200);
  });

  app.get("/invoices/:id/pdf", async (c) => {
    const s = await session(c);
    if (s instanceof Response) return s;
    let pdf: Awaited<ReturnType<typeof portalInvoicePdf>>;
    try {
      pdf = await portalInvoicePdf(ctx, { token: s.token, invoice_id: c.req.param("id").slice(0, 64) });
    } catch (error) {
      c.get("logger").error({ err: error }, "portal invoice PDF failed");
      return c.html(unavailablePage(), 503);
    }
    if (!pdf.ok) {
      return pdf.reason === "not_found" ? c.html(notFoundPage(), 404) : refuse(c, pdf.reason === "unknown" ? 404 : 410);
    }
    const ascii = pdf.filename.replace(/[^A-Za-z0-9._-]/g, "_") || "invoice.pdf";
    c.header("Content-Type", "application/pdf");
    c.header(
      "Content-Disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(pdf.filename)}`,
    );
    return c.body(new Uint8Array(pdf.content), 200);
  });

  app.post("/sign-out", (c) => {
    deleteCookie(c, PORTAL_COOKIE, { path: "/portal" });
    return c.html(signedOutPage(), 200);
  });

  // The link's address: starts a session and moves the token out of the address bar (and browser history).
  app.get("/:token", async (c) => {
    const wait = attempts.hit(`portal:${clientIp(c)}`);
    if (wait > 0) return tooMany(c, wait);
    const opening = await openPortalLink(ctx, { token: c.req.param("token").slice(0, 200) });
    if (!opening.ok) return refuse(c, opening.reason === "unknown" ? 404 : 410);
    await markPortalLinkUsed(ctx, opening.access);
    setCookie(c, PORTAL_COOKIE, c.req.param("token"), {
      httpOnly: true,
      sameSite: "Lax",
      secure: secure(c),
      path: "/portal",
      expires: opening.access.expiresAt,
    });
    return c.redirect("/portal", 303);
  });

  app.all("*", (c) => c.html(notFoundPage(), 404));
  return app;
}
