/// <reference types="node" />
import { type Browser, chromium, type Page } from "playwright-core";

export const DEMO = {
  admin: { email: "admin@demo.settle.test", password: "settle-demo-admin" },
  editor: { email: "editor@demo.settle.test", password: "settle-demo-editor" },
  viewer: { email: "viewer@demo.settle.test", password: "settle-demo-viewer" },
} as const;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking"],
  });
}

export async function signIn(page: Page, baseUrl: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("sign-out").waitFor();
}

/** Calls the API from inside the signed-in page, so the session cookie and CSRF token apply. */
export async function apiInPage<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await fetch("/api/v1/me").then((r) => r.json());
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": me.csrf_token ?? "" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

export function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `/tmp/settle-e2e-${name}.png`, fullPage: true });
}
