import { containsPattern } from "@/lib/db/contains-text";

/**
 * `?q=`: the condition on projects `p` whose name or description contains `q`, ignoring case;
 * `param` adds its value (lib/db/sql.ts). Together with the list's org filter, the GIN index
 * "projects_orgId_search_idx" (orgId + trigrams of both columns) answers it from the org's
 * matches alone; what that takes under row-level security is in
 * prisma/migrations/20261203010000_project_search. tests/integration/projects.search.test.ts
 * checks the plan of the query the service sends. A searchable resource of your own: copy both.
 *
 * Each search is planned for its own text (an unnamed statement). Keep it so: a plan made once
 * for any text (a named prepared statement) may take the index for one or two letters, which
 * have no trigrams, and then reads the whole index (19 s on a million rows).
 */
export function projectSearchSql(q: string, param: (value: unknown) => string): string {
  const pattern = param(containsPattern(q));
  return `(p.name ilike ${pattern} or p.description ilike ${pattern})`;
}
