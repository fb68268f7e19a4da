import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = { "@": root };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["**/*.unit.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          environment: "node",
          // Pure modules may import ones that read lib/env.ts (problem+json reads APP_URL): give it
          // the two variables it requires. Nothing here connects anywhere.
          env: { DATABASE_URL: "postgres://unit@127.0.0.1:9/unit", NEXTAUTH_SECRET: "unit-tests-only-secret-unit-tests-only-secret" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // One app server and one database are shared: files run one after another.
          fileParallelism: false,
          // One module graph for all files: the app's modules load once, not once per file, which takes about a third off the run.
          isolate: false,
        },
      },
    ],
  },
});
