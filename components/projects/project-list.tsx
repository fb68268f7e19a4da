"use client";

import { useMemo, useState } from "react";
import type { ProjectDto, ProjectStatus } from "@/lib/projects/schemas";
import { useCan, useDashboard, useWriteBlock } from "@/components/dashboard/dashboard-context";
import { PageHeader } from "@/components/dashboard/page-header";
import { errorMessage } from "@/components/forms/field-errors";
import { useDebouncedValue } from "@/components/hooks/use-debounced-value";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { FolderIcon, PlusIcon, SearchIcon } from "@/components/ui/icons";
import { lazyDialog } from "@/components/ui/lazy-dialog";
import type { ProjectFilters } from "./project-cache";
import { ProjectListSkeleton } from "./project-list-skeleton";
import { ProjectTable } from "./project-table";
import { ProjectToolbar } from "./project-toolbar";
import { type InitialProjects, useFiltersInUrl, useProjectList } from "./use-project-list";
import { useProjectMutations } from "./use-project-mutations";

const SEARCH_DEBOUNCE_MS = 300;

// Fetched on first use: the form brings the shared zod schemas, both bring Radix's dialog.
const ProjectFormDialog = lazyDialog(() => import("./project-form-dialog").then((m) => m.ProjectFormDialog));
const ConfirmDialog = lazyDialog(() => import("@/components/ui/confirm-dialog").then((m) => m.ConfirmDialog));

export function ProjectList({ initial }: { initial: InitialProjects }) {
  const { org } = useDashboard();
  const canWrite = useCan("projects:write");
  const block = useWriteBlock("projects:write");

  const [search, setSearch] = useState(initial.filters.q ?? "");
  const [status, setStatus] = useState<ProjectStatus | undefined>(initial.filters.status);
  const q = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS) || undefined;
  const filters = useMemo<ProjectFilters>(() => ({ q, status }), [q, status]);
  useFiltersInUrl(filters);

  const list = useProjectList(org.slug, filters, initial);
  const { create, update, remove } = useProjectMutations();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ProjectDto | null>(null);
  const [deleting, setDeleting] = useState<ProjectDto | null>(null);

  const projects = list.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = Boolean(filters.q || filters.status);
  const typing = search.trim() !== (q ?? "");
  const clearFilters = () => {
    setSearch("");
    setStatus(undefined);
  };

  return (
    <>
      <PageHeader
        title="Projects"
        description={`Everything ${org.name} is working on.`}
        actions={
          canWrite && (
            <Button {...block} onClick={() => setCreating(true)}>
              <PlusIcon />
              New project
            </Button>
          )
        }
      />

      <ProjectToolbar search={search} onSearchChange={setSearch} status={status} onStatusChange={setStatus} searching={typing || list.isPlaceholderData} />

      {list.isPending ? (
        <ProjectListSkeleton />
      ) : list.isError && !list.data ? (
        <Callout tone="error" title="Couldn't load projects">
          <p>{errorMessage(list.error)}</p>
          <Button variant="secondary" size="sm" className="mt-3" loading={list.isFetching} onClick={() => void list.refetch()}>
            Try again
          </Button>
        </Callout>
      ) : projects.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={SearchIcon}
            title="No matching projects"
            description={filters.q ? `Nothing matches “${filters.q}”${filters.status ? " with that status" : ""}. Try another search.` : "No projects have that status."}
            action={
              <Button variant="secondary" onClick={clearFilters}>
                Clear filters
              </Button>
            }
          />
        ) : canWrite ? (
          <EmptyState
            icon={FolderIcon}
            title="No projects yet"
            description={`Projects hold the work ${org.name} shares. Create the first one to get started.`}
            action={
              <Button {...block} onClick={() => setCreating(true)}>
                <PlusIcon />
                Create your first project
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={FolderIcon}
            title="No projects yet"
            description={`When someone in ${org.name} creates a project, it will appear here. Your role can view projects but not create them.`}
          />
        )
      ) : (
        <>
          <ProjectTable
            projects={projects}
            busy={list.isPlaceholderData}
            block={block}
            onEdit={canWrite ? setEditing : undefined}
            onDelete={canWrite ? setDeleting : undefined}
          />
          <div className="mt-4 flex flex-col items-center gap-3 sm:flex-row sm:justify-between">
            <p className="text-sm text-muted-foreground" aria-live="polite">
              {list.hasNextPage ? `Showing the first ${projects.length} projects` : `${projects.length} ${projects.length === 1 ? "project" : "projects"}`}
            </p>
            {list.hasNextPage && (
              <Button variant="secondary" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                Load more
              </Button>
            )}
          </div>
          {list.isFetchNextPageError && (
            <Callout tone="error" className="mt-4">
              Couldn&apos;t load more projects. {errorMessage(list.error)}
            </Callout>
          )}
        </>
      )}

      {canWrite && (
        <>
          <ProjectFormDialog mode="create" open={creating} onOpenChange={setCreating} onSubmit={(input) => create.mutate(input)} />
          <ProjectFormDialog
            mode="edit"
            project={editing}
            open={editing !== null}
            onOpenChange={(open) => !open && setEditing(null)}
            onSubmit={(changes) => editing && update.mutate({ id: editing.id, changes })}
          />
          <ConfirmDialog
            open={deleting !== null}
            onOpenChange={(open) => !open && setDeleting(null)}
            title="Delete project?"
            description={
              <>
                <strong className="font-medium text-foreground">{deleting?.name}</strong> will be deleted for everyone in {org.name}. This can&apos;t be
                undone.
              </>
            }
            confirmLabel="Delete"
            onConfirm={() => {
              if (deleting) remove.mutate(deleting);
              setDeleting(null);
            }}
          />
        </>
      )}
    </>
  );
}
