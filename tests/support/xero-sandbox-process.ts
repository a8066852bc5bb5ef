import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { freePort, SETTLE_BIN } from "./process.ts";

type SandboxUrls = { login_url: string; identity_url: string; api_url: string; console_token: string };

export type SandboxProcess = SandboxUrls & {
  origin: string;
  child: ChildProcess;
  /** The sandbox console's JSON API, authenticated with its console token. */
  consoleApi: (path: string, init?: RequestInit) => Promise<any>;
};

/**
 * `settle sandbox xero` in its own process (state under `dir`), so Settle processes can be killed or run side by
 * side while "Xero" and what it did stay intact. Resolves once it printed its URLs.
 */
export async function startXeroSandboxProcess(dir: string): Promise<SandboxProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [SETTLE_BIN, "sandbox", "xero", "--port", String(port)], {
    env: { ...process.env, DATA_DIR: join(dir, "xero"), LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.setEncoding("utf8").on("data", (text: string) => {
      out += text;
      const newline = out.indexOf("\n");
      if (newline >= 0) resolve(out.slice(0, newline));
    });
    child.once("exit", (code) => reject(new Error(`the sandbox exited with ${code}`)));
  });
  const urls = JSON.parse(line) as SandboxUrls;
  const origin = `http://127.0.0.1:${port}`;
  const consoleApi = (path: string, init: RequestInit = {}) =>
    fetch(`${origin}/sandbox/xero/console/api${path}`, {
      ...init,
      headers: { "x-sandbox-token": urls.console_token, "content-type": "application/json" },
    }).then((r) => r.json() as Promise<any>);
  return { ...urls, origin, child, consoleApi };
}
