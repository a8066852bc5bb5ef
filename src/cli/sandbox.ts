import type { Config } from "../config.ts";
import { parseFlags } from "./args.ts";

export async function runSandbox(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { port: { type: "string" } });
  const port = Number(values.port ?? "0");
  if (positionals[0] !== "xero" || !Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write("Usage: settle sandbox xero --port PORT\n");
    return 2;
  }
  const { runXeroSandboxStandalone } = await import("../sandboxes/xero/standalone.ts");
  const sandbox = await runXeroSandboxStandalone({ port, dataDir: `${config.dataDir}/xero-sandbox` });
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return -1;
}
