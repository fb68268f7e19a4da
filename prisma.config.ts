import { defineConfig } from "prisma/config";

// Migrations are applied by scripts/migrate.ts (no native engine needed); this config
// serves `prisma generate` and, on a connected machine, `prisma migrate status`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://localhost/tenantkit" },
});
