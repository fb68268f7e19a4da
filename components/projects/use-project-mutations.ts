"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ProjectCreateInput, ProjectDto, ProjectUpdateInput } from "@/lib/projects/schemas";
import { queryKeys } from "@/lib/query-keys";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { errorMessage } from "@/components/forms/field-errors";
import {
  filtersOfKey,
  matchesFilters,
  optimisticId,
  prependProject,
  type ProjectFilters,
  type ProjectPages,
  removeProject,
  replaceProject,
} from "./project-cache";

type Snapshot = [readonly unknown[], ProjectPages | undefined][];

/**
 * Create, update and delete with optimistic updates: every cached list of the org
 * changes at once (respecting its filters), is restored if the server refuses, and is
 * refetched when the last of overlapping mutations settles.
 */
export function useProjectMutations() {
  const { org, user } = useDashboard();
  const queryClient = useQueryClient();
  const base = `/api/v1/orgs/${encodeURIComponent(org.slug)}/projects`;
  const mutationKey = ["projects", org.slug, "write"];
  const listsKey = queryKeys.projectLists(org.slug);

  async function snapshot(): Promise<Snapshot> {
    // An in-flight refetch would land on top of the optimistic change and undo it.
    await queryClient.cancelQueries({ queryKey: listsKey });
    return queryClient.getQueriesData<ProjectPages>({ queryKey: listsKey });
  }

  function restore(previous: Snapshot | undefined) {
    for (const [key, data] of previous ?? []) queryClient.setQueryData(key, data);
  }

  function updateLists(fn: (data: ProjectPages, filters: ProjectFilters) => ProjectPages) {
    for (const [key, data] of queryClient.getQueriesData<ProjectPages>({ queryKey: listsKey })) {
      if (data) queryClient.setQueryData<ProjectPages>(key, fn(data, filtersOfKey(key)));
    }
  }

  function settle() {
    // Refetching while another write is still optimistic would briefly undo it; the last one refetches.
    if (queryClient.isMutating({ mutationKey }) === 1) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects(org.slug) });
      // The plan-limit banner counts projects.
      void queryClient.invalidateQueries({ queryKey: queryKeys.usage(org.slug) });
    }
  }

  const create = useMutation({
    mutationKey,
    mutationFn: (input: ProjectCreateInput) => fetchJson<ProjectDto>(base, { method: "POST", body: input }),
    onMutate: async (input) => {
      const previous = await snapshot();
      const now = new Date().toISOString();
      const draft: ProjectDto = { id: optimisticId(), ...input, createdAt: now, updatedAt: now, createdBy: { id: user.id, name: user.name } };
      updateLists((data, filters) => (matchesFilters(draft, filters) ? prependProject(data, draft) : data));
      return { previous, draftId: draft.id };
    },
    onSuccess: (project, _input, { draftId }) => updateLists((data) => replaceProject(data, draftId, project)),
    onError: (error, input, result) => {
      restore(result?.previous);
      toast.error(`Couldn't create “${input.name}”`, { description: errorMessage(error) });
    },
    onSettled: settle,
  });

  const update = useMutation({
    mutationKey,
    mutationFn: ({ id, changes }: { id: string; changes: ProjectUpdateInput }) =>
      fetchJson<ProjectDto>(`${base}/${encodeURIComponent(id)}`, { method: "PATCH", body: changes }),
    onMutate: async ({ id, changes }) => {
      const previous = await snapshot();
      const updatedAt = new Date().toISOString();
      updateLists((data, filters) => {
        const current = data.pages.flatMap((page) => page.data).find((p) => p.id === id);
        if (!current) return data;
        const next = { ...current, ...changes, updatedAt };
        // An edit can move a project out of a filtered list (e.g. a new status).
        return matchesFilters(next, filters) ? replaceProject(data, id, next) : removeProject(data, id);
      });
      return { previous };
    },
    onSuccess: (project) => updateLists((data) => replaceProject(data, project.id, project)),
    onError: (error, _vars, result) => {
      restore(result?.previous);
      toast.error("Couldn't save your changes", { description: errorMessage(error) });
    },
    onSettled: settle,
  });

  const remove = useMutation({
    mutationKey,
    mutationFn: (project: ProjectDto) => fetchJson<void>(`${base}/${encodeURIComponent(project.id)}`, { method: "DELETE" }),
    onMutate: async (project) => {
      const previous = await snapshot();
      updateLists((data) => removeProject(data, project.id));
      return { previous };
    },
    onSuccess: (_data, project) => toast.success(`Deleted “${project.name}”`),
    onError: (error, project, result) => {
      restore(result?.previous);
      toast.error(`Couldn't delete “${project.name}”`, { description: errorMessage(error) });
    },
    onSettled: settle,
  });

  return { create, update, remove };
}
