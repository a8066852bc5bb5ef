import { defineConfig } from "vitest/config";

// Browser journeys in Debian's Chromium through playwright-core, one server per file.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
