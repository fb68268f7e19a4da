"use client";

import type { ProjectDto } from "@/lib/projects/schemas";
import type { WriteBlock } from "@/components/dashboard/dashboard-context";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatDate, formatDateTime } from "@/components/ui/format-date";
import { Spinner } from "@/components/ui/spinner";
import { isOptimistic } from "./project-cache";
import { StatusBadge } from "./status-badge";

type Props = {
  projects: ProjectDto[];
  /** Edit and delete buttons appear only for roles that may write. */
  onEdit?: (project: ProjectDto) => void;
  onDelete?: (project: ProjectDto) => void;
  busy?: boolean;
  /** Set while the org is read-only: the buttons stay, disabled, saying why. */
  block?: WriteBlock;
};

const th = "px-3 py-2.5 text-left text-xs font-medium text-muted-foreground first:pl-4 last:pr-4";

/**
 * One table that is a table from `md` up and a stack of cards below: each row becomes a
 * two-column grid. Rendering one markup (rather than a table and a card list) keeps a
 * single element per project in the DOM for assistive tech and tests.
 */
export function ProjectTable({ projects, onEdit, onDelete, busy = false, block }: Props) {
  const canWrite = Boolean(onEdit && onDelete);
  return (
    <div className={cn("overflow-hidden rounded-xl border bg-surface shadow-xs transition-opacity", busy && "opacity-60")} aria-busy={busy || undefined}>
      <table className="block w-full text-sm md:table">
        <caption className="sr-only">Projects</caption>
        <thead className="hidden border-b bg-subtle md:table-header-group">
          <tr>
            <th scope="col" className={th}>
              Name
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={cn(th, "hidden lg:table-cell")}>
              Created by
            </th>
            <th scope="col" className={th}>
              Updated
            </th>
            {canWrite && (
              <th scope="col" className={th}>
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="block divide-y md:table-row-group">
          {projects.map((project) => (
            <ProjectRow key={project.id} project={project} onEdit={onEdit} onDelete={onDelete} block={block} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type RowProps = { project: ProjectDto; onEdit?: Props["onEdit"]; onDelete?: Props["onDelete"]; block?: WriteBlock };

function ProjectRow({ project, onEdit, onDelete, block }: RowProps) {
  const saving = isOptimistic(project);
  const nameId = `project-${project.id}-name`;
  const described = [nameId, block?.["aria-describedby"]].filter(Boolean).join(" ");
  const actionProps = { disabled: saving || Boolean(block?.disabled), title: block?.title, "aria-describedby": described };
  const author = project.createdBy?.name ?? "Unknown";

  return (
    <tr
      data-testid="project-row"
      aria-busy={saving || undefined}
      className={cn("project-row", saving && "opacity-60")}
    >
      <td className="project-name">
        <div id={nameId}>
          {project.name}
        </div>
        {project.description && <p>{project.description}</p>}
      </td>
      <td className="project-status">
        {saving ? (
          <span className="inline-flex items-center gap-1.5 text-xs text-muted-foreground">
            <Spinner className="size-3" />
            Saving…
          </span>
        ) : (
          <StatusBadge status={project.status} />
        )}
      </td>
      <td className="project-author">{author}</td>
      <td className="project-updated">
        <span>Updated </span>
        <time dateTime={project.updatedAt} title={formatDateTime(project.updatedAt)}>
          {formatDate(project.updatedAt)}
        </time>
      </td>
      {onEdit && onDelete && (
        <td className="project-actions">
          <div>
            <Button variant="subtle" size="xs" className="icon-edit" {...actionProps} onClick={() => onEdit(project)}>
              <span className="sr-only sm:not-sr-only">Edit</span>
            </Button>
            <Button variant="subtle-danger" size="xs" className="icon-delete" {...actionProps} onClick={() => onDelete(project)}>
              <span className="sr-only sm:not-sr-only">Delete</span>
            </Button>
          </div>
        </td>
      )}
    </tr>
  );
}
