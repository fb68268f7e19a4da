"use client";

import { isProjectStatus, PROJECT_STATUSES, type ProjectStatus } from "@/lib/projects/statuses";
import { Field } from "@/components/ui/field";
import { SearchIcon } from "@/components/ui/icons";
import { Input, Select } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { STATUS } from "./status-badge";

type Props = {
  search: string;
  onSearchChange: (value: string) => void;
  status: ProjectStatus | undefined;
  onStatusChange: (value: ProjectStatus | undefined) => void;
  /** Results for the current filters are on their way. */
  searching: boolean;
};

export function ProjectToolbar({ search, onSearchChange, status, onStatusChange, searching }: Props) {
  return (
    <div role="search" className="mb-4 flex items-center gap-3">
      <Field label="Search projects" hideLabel className="min-w-0 flex-1 sm:max-w-sm">
        {(control) => (
          <div className="relative">
            <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
            <Input
              {...control}
              type="search"
              name="q"
              maxLength={100}
              placeholder="Search projects…"
              autoComplete="off"
              value={search}
              onChange={(e) => onSearchChange(e.target.value)}
              className="pr-9 pl-9"
            />
            {searching && <Spinner className="absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground" />}
          </div>
        )}
      </Field>
      <Field label="Filter by status" hideLabel className="w-32 shrink-0 sm:w-44">
        {(control) => (
          <Select
            {...control}
            name="status"
            value={status ?? ""}
            onChange={(e) => onStatusChange(isProjectStatus(e.target.value) ? e.target.value : undefined)}
          >
            <option value="">All statuses</option>
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS[s].label}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}
