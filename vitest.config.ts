import { defineConfig } from "vitest/config";

// Unit, domain and HTTP tests. Each file gets a fresh PGlite (or a fresh PostgreSQL schema when
// TEST_DATABASE_URL is set), so files run in parallel without sharing state.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts", "web/src/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
