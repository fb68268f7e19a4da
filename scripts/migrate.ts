/**
 * `npm run db:migrate`: applies prisma/migrations to MIGRATION_DATABASE_URL (the owner
 * role), or to DATABASE_URL when no separate owner connection is configured.
 */
import { migrate } from "@/lib/db/migrate";
import { describeDatabase } from "./lib/describe-database";
import { loadEnvFiles } from "./lib/load-env";

loadEnvFiles(process.env.NODE_ENV !== "production");
const connectionString = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;

if (!connectionString) {
  console.error(
    [
      "db:migrate needs a database: set DATABASE_URL (or MIGRATION_DATABASE_URL for a separate owner role), e.g.",
      "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/tenantkit npm run db:migrate",
      "Without one, `npm run dev` starts the embedded database and migrates it for you.",
    ].join("\n"),
  );
  process.exit(1);
}

try {
  console.log(`Migrating ${describeDatabase(connectionString)}`);
  const applied = await migrate({ connectionString, log: (message) => console.log(`  ${message}`) });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Already up to date.");
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
