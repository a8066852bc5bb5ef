import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Stripe from "stripe";
import { afterAll, describe, expect, it } from "vitest";
import { CONSOLE_TOKEN_HEADER } from "../../shared/console-guard.ts";

const ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../..");
const dataDir = mkdtempSync(join(tmpdir(), "settle-stripe-standalone-"));
const children: ChildProcess[] = [];

interface Printed {
  api_url: string;
  connect_url: string;
  checkout_url: string;
  console_url: string;
  secret_key: string;
  client_id: string;
  webhook_secret: string;
  console_token: string;
}

/** `settle sandbox stripe --port 0` from source, resolved with the JSON line it prints. */
async function start(): Promise<{ child: ChildProcess; printed: Printed }> {
  const child = spawn(process.execPath, ["bin/settle.js", "sandbox", "stripe", "--port", "0"], {
    cwd: ROOT,
    env: { ...process.env, SETTLE_FROM_SOURCE: "1", DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let errors = "";
  child.stderr?.setEncoding("utf8").on("data", (text: string) => {
    errors += text;
  });
  const line = await new Promise<string>((done, fail) => {
    let out = "";
    child.stdout?.setEncoding("utf8").on("data", (text: string) => {
      out += text;
      const newline = out.indexOf("\n");
      if (newline >= 0) done(out.slice(0, newline));
    });
    child.once("exit", (code) => fail(new Error(`the sandbox exited with ${code}: ${errors}`)));
  });
  return { child, printed: JSON.parse(line) as Printed };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  await exited;
}

/** The SDK configured from the printed api_url alone: its host, port and protocol, nothing else. */
function sdk(printed: Printed): Stripe {
  const url = new URL(printed.api_url);
  return new Stripe(printed.secret_key, {
    host: url.hostname,
    port: Number(url.port),
    protocol: url.protocol.replace(":", "") as "http",
    maxNetworkRetries: 0,
    telemetry: false,
  });
}

afterAll(async () => {
  for (const child of children) await stop(child);
  rmSync(dataDir, { recursive: true, force: true });
});

describe("settle sandbox stripe", () => {
  it("prints its URLs and keys, answers the official SDK, guards its console and keeps state across a restart", {
    timeout: 120_000,
  }, async () => {
    const first = await start();
    const { printed } = first;
    expect(printed).toMatchObject({
      api_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/sandbox\/stripe\/api$/),
      connect_url: expect.stringMatching(/\/sandbox\/stripe\/connect$/),
      checkout_url: expect.stringMatching(/\/sandbox\/stripe\/checkout$/),
      console_url: expect.stringMatching(/\/sandbox\/stripe\/console$/),
      secret_key: expect.stringMatching(/^sk_test_/),
      client_id: expect.stringMatching(/^ca_/),
      webhook_secret: expect.stringMatching(/^whsec_/),
    });
    const stripe = sdk(printed);
    const product = await stripe.products.create({ name: "Standalone retainer" });
    expect((await stripe.products.list()).data.map((p) => p.id)).toEqual([product.id]);

    const anonymous = await fetch(`${printed.console_url}/api/state`);
    expect(anonymous.status).toBe(401);
    const state = await fetch(`${printed.console_url}/api/state`, {
      headers: { [CONSOLE_TOKEN_HEADER]: printed.console_token },
    });
    expect(state.status).toBe(200);
    expect(((await state.json()) as { counts: Record<string, number> }).counts.product).toBe(1);

    await stop(first.child);
    const second = await start();
    expect(second.printed.secret_key).toBe(printed.secret_key);
    expect(second.printed.console_token).toBe(printed.console_token);
    const again = sdk(second.printed);
    expect((await again.products.retrieve(product.id)).name).toBe("Standalone retainer");
  });
});
