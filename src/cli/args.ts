import { parseArgs } from "node:util";

/** `--flag value` options for the CLI's subcommands. Unknown flags are an error that names them. */
export function parseFlags<const T extends Record<string, { type: "string" | "boolean" }>>(args: string[], options: T) {
  return parseArgs({ args, options, strict: true, allowPositionals: true });
}
