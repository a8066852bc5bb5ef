import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, signIn } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const OWNER = { email: "owner@harbour.test", password: "harbour owns this workspace" };

let server: TestServer;
let browser: Browser;
let page: Page;

/** An empty workspace made with the CLI: no companies, products or deals, only its default pipeline. */
async function createEmptyWorkspace(): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [
      "bin/settle.js",
      "workspace",
      "create",
      "--name",
      "Harbour Studio",
      "--admin-email",
      OWNER.email,
      "--admin-password",
      OWNER.password,
      "--json",
    ],
    { cwd: ROOT, env: { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: "warn" } },
  );
}

function shot(name: string): Promise<Buffer> {
  return page.screenshot({ path: `/tmp/crm-${name}.png`, fullPage: true });
}

const column = (name: string): Locator => page.locator(`[data-testid="board-column"][data-stage="${name}"]`);
const card = (name: string): Locator => page.locator(`[data-testid="board-card"][data-name="${name}"]`);

beforeAll(async () => {
  server = await startServer();
  await createEmptyWorkspace();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("setting up a workspace from nothing in the browser", () => {
  it("creates a company and its contact", async () => {
    await signIn(page, server.url, OWNER);
    await page.getByTestId("nav-companies").click();
    await page.getByTestId("empty-state").waitFor();
    await page.getByTestId("new-company").click();
    const dialog = page.getByTestId("company-dialog");
    await dialog.getByLabel("Name").fill("Harbour Dental");
    await dialog.getByLabel("Email").fill("accounts@harbour.test");
    await dialog.getByTestId("save-company").click();
    await expect.poll(() => page.getByTestId("company-name").textContent()).toBe("Harbour Dental");

    await page.getByTestId("new-contact").click();
    const contact = page.getByTestId("contact-dialog");
    await contact.getByLabel("Name").fill("Mia Chen");
    await contact.getByLabel("Email").fill("mia@harbour.test");
    await contact.getByTestId("save-contact").click();
    await page.locator('[data-testid="contact-row"][data-name="Mia Chen"]').waitFor();
    await shot("company");

    await page.getByTestId("nav-companies").click();
    await page.locator('[data-testid="company-row"][data-name="Harbour Dental"]').waitFor();
  });

  it("adds a product to the catalogue", async () => {
    await page.getByTestId("nav-products").click();
    await page.getByTestId("new-product").click();
    const dialog = page.getByTestId("product-dialog");
    await dialog.getByLabel("Name").fill("Clinic fit-out");
    await dialog.getByLabel("Unit price").fill("1200.00");
    await dialog.getByLabel("Currency").selectOption("USD");
    await dialog.getByLabel("Default deposit %").fill("50");
    await dialog.getByLabel("Tax rate %").fill("10");
    await dialog.getByTestId("save-product").click();
    const row = page.locator('[data-testid="product-row"][data-name="Clinic fit-out"]');
    await row.waitFor();
    expect(await row.textContent()).toContain("$1,200.00");
    await shot("products");
  });

  it("creates an opportunity with a line", async () => {
    await page.getByTestId("nav-opportunities").click();
    await page.getByTestId("new-opportunity").click();
    const dialog = page.getByTestId("create-opportunity-dialog");
    await dialog.getByLabel("Name").fill("Surgery refit");
    await dialog.getByLabel("Company", { exact: true }).selectOption({ label: "Harbour Dental" });
    await dialog.getByLabel("Currency").selectOption("USD");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect.poll(() => page.getByTestId("opportunity-name").textContent()).toBe("Surgery refit");

    await page.getByTestId("add-product").click();
    const line = page.getByTestId("add-line-dialog");
    await line.getByTestId("product-select").selectOption({ label: "Clinic fit-out" });
    await line.getByTestId("line-quantity").fill("2");
    await line.getByTestId("save-new-line").click();
    await line.waitFor({ state: "detached" });
    await page.getByTestId("line-row").first().waitFor();
    await expect.poll(() => page.getByTestId("opportunity-total").textContent()).toContain("$2,400.00");
  });

  it("drags the opportunity across the board, and moves it with the keyboard", async () => {
    const companyReads: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().includes("/api/v1/companies")) companyReads.push(r.url());
    };
    page.on("request", onRequest);
    await page.getByTestId("nav-pipeline").click();
    await page.getByTestId("board").waitFor();
    const stages = await page
      .getByTestId("board-column")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-stage")));
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const [first = "", second = "", third = ""] = stages as string[];
    await column(first).locator('[data-name="Surgery refit"]').waitFor();
    // The owner reads invoices: the card carries its amounts by payment status (all unpaid so far).
    const bar = card("Surgery refit").getByTestId("status-bar");
    expect(await bar.locator('[data-status="unpaid"]').getAttribute("data-amount")).toBe("240000");
    // Company names come in one request for the board's companies, not one per card.
    await expect.poll(() => card("Surgery refit").textContent()).toContain("Harbour Dental");
    page.off("request", onRequest);
    expect(companyReads.some((url) => url.includes("ids="))).toBe(true);
    expect(companyReads.filter((url) => /\/api\/v1\/companies\/co_/.test(url))).toEqual([]);
    await shot("board-before");

    const moved = page.waitForResponse(
      (r) => r.url().includes("/api/v1/opportunities/") && r.request().method() === "PATCH",
    );
    await card("Surgery refit").dragTo(column(second));
    expect((await moved).status()).toBe(200);
    await column(second).locator('[data-name="Surgery refit"]').waitFor();
    await page.reload();
    await column(second).locator('[data-name="Surgery refit"]').waitFor();

    await card("Surgery refit").getByTestId("board-card-handle").focus();
    const keyed = page.waitForResponse(
      (r) => r.url().includes("/api/v1/opportunities/") && r.request().method() === "PATCH",
    );
    await page.keyboard.press("ArrowRight");
    expect((await keyed).status()).toBe(200);
    await column(third).locator('[data-name="Surgery refit"]').waitFor();
    // Focus follows the card, so ← and → keep working.
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest("[data-testid=board-card]")?.getAttribute("data-name")),
      )
      .toBe("Surgery refit");
    await expect
      .poll(() => page.getByTestId("board-announcement").textContent())
      .toBe(`Surgery refit moved to ${third}`);
    await shot("board-after");
  });

  it("adds a won stage in Settings and it becomes a column", async () => {
    await page.getByTestId("nav-stages").click();
    await page.getByTestId("stage-table").waitFor();
    await page.getByTestId("new-stage-name").fill("Signed");
    await page.getByLabel("New stage kind").selectOption("won");
    await page.getByTestId("add-stage").click();
    await page.locator('[data-testid="stage-row"][data-stage="Signed"]').waitFor();
    await shot("stages");
    await page.getByTestId("nav-pipeline").click();
    await column("Signed").waitFor();
  });

  it("opens the receivables dashboard with the open line by payment status", async () => {
    await page.getByTestId("nav-receivables").click();
    const row = page.locator('[data-testid="pipeline-status-row"][data-currency="USD"]');
    await row.waitFor();
    expect(await row.textContent()).toContain("$2,400.00");
    expect(await page.locator(".recharts-surface").count()).toBeGreaterThan(0);
    await shot("receivables-empty");
  });
});
