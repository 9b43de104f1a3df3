import { defineConfig } from "vitest/config";

// Three projects: `unit` (pure, no database), `api` (real HTTP on a real PostgreSQL: one migrated
// template per run, cloned per test file), `e2e` (Chromium against the built single process).
export default defineConfig({
  test: {
    reporters: ["default", "./tests/setup/summary-reporter.ts"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          // Projects with different worker settings run as separate groups, in this order.
          sequence: { groupOrder: 0 },
          environment: "node",
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "api",
          include: ["tests/api/**/*.test.ts", "tests/integration/**/*.test.ts"],
          sequence: { groupOrder: 1 },
          environment: "node",
          globalSetup: ["./tests/setup/global-db.ts"],
          setupFiles: ["./tests/setup/silence-logs.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          sequence: { groupOrder: 2 },
          environment: "node",
          globalSetup: ["./tests/setup/global-db.ts"],
          setupFiles: ["./tests/setup/silence-logs.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
