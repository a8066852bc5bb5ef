import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiInPage, launch, signIn } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

let server: TestServer;
let browser: Browser;
let page: Page;

// 1,000 companies; lines 101, 501 and 901 of the file (the header is line 1) are bad in three different ways.
const BAD_LINES = [101, 501, 901];
function companiesCsv(): string {
  const rows = ["Company Name,Email,Phone,Website"];
  for (let i = 1; i <= 1000; i++) {
    const n = String(i).padStart(4, "0");
    const line = i + 1;
    const name = line === 101 ? "" : line === 501 ? "X".repeat(201) : `Imported Co ${n}`;
    const phone = line === 901 ? "9".repeat(60) : `+1 555 ${n}`;
    rows.push(`"${name}",co${n}@imported.test,${phone},https://co${n}.imported.test`);
  }
  return `${rows.join("\n")}\n`;
}

function shot(name: string): Promise<Buffer> {
  return page.screenshot({ path: `/tmp/crm-${name}.png`, fullPage: true });
}

const result = (): Locator => page.getByTestId("import-result");

async function chooseFile(): Promise<void> {
  await page.getByTestId("import-file").setInputFiles({
    name: "companies.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(companiesCsv()),
  });
  await page.getByTestId("import-mapping").waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, server.url, server.demo.admin);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("importing 1,000 companies from CSV", () => {
  it("maps the columns and a dry run reports the 3 bad rows, writing nothing", async () => {
    await page.getByTestId("nav-import").click();
    await page.getByTestId("import-entity").selectOption("companies");
    await chooseFile();
    // "Email", "Phone" and "Website" match their fields by name; "Company Name" is mapped by hand.
    expect(await page.getByLabel("Column for Email").inputValue()).toBe("Email");
    await page.getByLabel("Column for Name").selectOption("Company Name");
    await page.getByTestId("import-dry-run").click();
    await expect.poll(() => result().getAttribute("data-status"), { timeout: 60_000 }).toBe("validated");
    const lines = await page
      .getByTestId("import-error-row")
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-row"))));
    expect([...new Set(lines)].sort((a, b) => a - b)).toEqual(BAD_LINES);
    const errors = (await page.getByTestId("import-errors").textContent()) ?? "";
    // Each problem names the file's column.
    expect(errors).toContain("Company Name");
    expect(errors).toContain("Phone");
    expect(await page.getByTestId("import-summary").textContent()).toContain("997 of 1000 rows are ready");
    await shot("import-dry-run");

    const found = await apiInPage<{ data: unknown[] }>(page, "GET", "/companies?q=Imported%20Co");
    expect(found.json.data).toHaveLength(0);
  });

  it("imports in the background with progress, skipping only the bad rows", async () => {
    await page.getByTestId("import-run").click();
    await expect.poll(() => result().getAttribute("data-status"), { timeout: 90_000 }).toBe("completed");
    const summary = (await page.getByTestId("import-summary").textContent()) ?? "";
    expect(summary).toContain("997 of 1000 rows imported");
    expect(summary).toContain("997 new");
    expect(await page.getByTestId("import-error-row").count()).toBeGreaterThanOrEqual(3);
    await shot("import-done");

    await page.getByTestId("nav-companies").click();
    await page.getByTestId("company-search").fill("Imported Co 0499");
    await page.locator('[data-testid="company-row"][data-name="Imported Co 0499"]').waitFor();
  });

  it("re-running the same file updates instead of duplicating", async () => {
    await page.getByTestId("nav-import").click();
    await page.getByTestId("import-entity").selectOption("companies");
    await chooseFile();
    await page.getByLabel("Column for Name").selectOption("Company Name");
    await page.getByTestId("import-run").click();
    await expect.poll(() => result().getAttribute("data-status"), { timeout: 90_000 }).toBe("completed");
    const summary = (await page.getByTestId("import-summary").textContent()) ?? "";
    expect(summary).toContain("0 new, 997 updated");
    const found = await apiInPage<{ data: unknown[] }>(page, "GET", "/companies?q=Imported%20Co%200499");
    expect(found.json.data).toHaveLength(1);
  });

  it("finds an imported company from the search box with the keyboard", async () => {
    await page.locator("body").click();
    await page.keyboard.press("/");
    await page.keyboard.type("Imported Co 0777");
    await page.locator('[data-testid="search-hit"][data-kind="company"]').first().waitFor();
    await shot("search");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("company-name").textContent()).toBe("Imported Co 0777");
  });

  it("exports the companies as CSV", async () => {
    await page.getByTestId("nav-companies").click();
    const href = await page.getByTestId("export-companies-csv").getAttribute("href");
    expect(href).toContain("/api/v1/companies.csv");
  });
});
