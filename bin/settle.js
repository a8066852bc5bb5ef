#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so there is no separate build step for the server, and
// in this same process, so signals sent to it (or forwarded by `npm start`) reach the server itself.
import { register } from "tsx/esm/api";

// Everything Settle writes (database files, secrets, tokens) is for its owner only, whatever the umask.
process.umask(0o077);
register();
await import("../src/cli/index.ts");
