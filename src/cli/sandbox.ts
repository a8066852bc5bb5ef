import type { Config } from "../config.ts";
import { parseFlags } from "./args.ts";

const USAGE = "Usage: settle sandbox xero|stripe --port PORT\n";

export async function runSandbox(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { port: { type: "string" } });
  const port = Number(values.port ?? "0");
  const which = positionals[0];
  if ((which !== "xero" && which !== "stripe") || !Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(USAGE);
    return 2;
  }
  const sandbox =
    which === "xero"
      ? await (await import("../sandboxes/xero/standalone.ts")).runXeroSandboxStandalone({
          port,
          dataDir: `${config.dataDir}/xero-sandbox`,
        })
      : await (await import("../sandboxes/stripe/standalone.ts")).runStripeSandboxStandalone({
          port,
          dataDir: `${config.dataDir}/stripe-sandbox`,
        });
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return -1;
}
