import type { Prisma } from "@/lib/db/generated/client";
import { containsText } from "@/lib/db/contains-text";

/**
 * `?q=`: projects whose name or description contains `q`, ignoring case. Together with the
 * list's org filter, the GIN index "projects_orgId_search_idx" (orgId + trigrams of both
 * columns) answers it from the org's matches alone; what that takes under row-level security
 * is in prisma/migrations/20261203010000_project_search. tests/integration/projects.search.test.ts
 * checks the plan of the query the service sends. A searchable resource of your own: copy both.
 *
 * Each search is planned for its own text (the pg adapter's unnamed statements). Keep it so:
 * a plan made once for any text (a named prepared statement) may take the index for one or two
 * letters, which have no trigrams, and then reads the whole index (19 s on a million rows).
 */
export function projectSearch(q: string): Prisma.ProjectWhereInput {
  const match = containsText(q);
  return { OR: [{ name: match }, { description: match }] };
}
