import nextEnv from "@next/env";

/**
 * Loads the .env files Next would load, so scripts see the same configuration as the app
 * (most importantly DATABASE_URL: without this, a DATABASE_URL kept in .env would go
 * unnoticed and the dev script would start the embedded database instead).
 * Variables already set in the environment win, as in Next.
 */
export function loadEnvFiles(dev: boolean): void {
  nextEnv.loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });
}
