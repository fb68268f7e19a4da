import type { Metadata } from "next";
import { firstParam, type SearchParams } from "@/components/search-params";
import { loadSqlAsMember } from "@/lib/orgs/load-as-member";
import { ProjectList } from "@/components/projects/project-list";
import { listProjects } from "@/lib/projects/service";
import { projectListQuerySchema } from "@/lib/projects/schemas";

export const metadata: Metadata = { title: "Projects" };

type Props = {
  params: Promise<{ org: string }>;
  searchParams: SearchParams;
};

/**
 * No loading.tsx here, unlike the other org pages: this is the page people open most, and a
 * loading boundary made every full load of it stream the skeleton first and the list after
 * it, with the scripts that swap them (about a tenth of the page's server time). A navigation
 * to it shows the sidebar link's pending spinner instead.
 */
export default async function ProjectsPage({ params, searchParams }: Props) {
  const [{ org }, search] = await Promise.all([params, searchParams]);
  // A hand-edited URL with a bad filter shows the unfiltered list rather than an error.
  const parsed = projectListQuerySchema.safeParse({ q: firstParam(search.q), status: firstParam(search.status) });
  const query = parsed.success ? parsed.data : projectListQuerySchema.parse({});

  const page = await loadSqlAsMember(org, "projects:read", `/dashboard/${org}/projects`, (sql) => listProjects(sql, query));
  return <ProjectList initial={{ filters: { q: query.q, status: query.status }, page: page.parse() }} />;
}
