/// <reference types="node" />
import { type Browser, chromium, type Page } from "playwright-core";

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

/**
 * A member with a custom role of exactly `scopes`, created by the signed-in admin and already past the
 * invite (password set), so a test can sign in as them.
 */
export async function addMemberWithRole(
  admin: Page,
  baseUrl: string,
  member: { roleName: string; scopes: string[]; email: string; password: string; name: string },
): Promise<void> {
  const role = await apiInPage<{ id: string }>(admin, "POST", "/roles", {
    name: member.roleName,
    scopes: member.scopes,
  });
  const invite = await apiInPage<{ invite_url: string }>(admin, "POST", "/members", {
    email: member.email,
    role_id: role.json.id,
  });
  if (role.status !== 201 || invite.status !== 201) {
    throw new Error(`could not create the member: role ${role.status}, invite ${invite.status}`);
  }
  const accepted = await fetch(`${baseUrl}/api/v1/invites/accept`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: invite.json.invite_url.split("#")[1], password: member.password, name: member.name }),
  });
  if (accepted.status !== 200) {
    throw new Error(`the invite was not accepted: ${accepted.status}`);
  }
}
