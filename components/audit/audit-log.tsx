"use client";

import { useMemo, useState } from "react";
import type { AuditFilters as Filters } from "@/lib/audit/schemas";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { PageHeader } from "@/components/dashboard/page-header";
import { errorMessage } from "@/components/forms/field-errors";
import { useDebouncedValue } from "@/components/hooks/use-debounced-value";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchIcon, ShieldCheckIcon } from "@/components/ui/icons";
import { AuditFilters, type FilterValues } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { AuditTableSkeleton } from "./audit-table-skeleton";
import { ExportButton } from "./export-button";
import { type InitialAudit, useAuditLog, useFiltersInUrl } from "./use-audit-log";

const SEARCH_DEBOUNCE_MS = 300;

export function AuditLog({ initial }: { initial: InitialAudit }) {
  const { org } = useDashboard();
  const [values, setValues] = useState<FilterValues>({
    action: initial.filters.action,
    actor: initial.filters.actor ?? "",
    from: initial.filters.from ?? "",
    to: initial.filters.to ?? "",
  });
  const actor = useDebouncedValue(values.actor.trim(), SEARCH_DEBOUNCE_MS) || undefined;
  // An unfinished range (only "to" before "from") would be refused; the inputs' min/max prevent most.
  const filters = useMemo<Filters>(
    () => ({ action: values.action, actor, from: values.from || undefined, to: values.to || undefined, target: initial.filters.target }),
    [values.action, actor, values.from, values.to, initial.filters.target],
  );
  useFiltersInUrl(filters);

  const log = useAuditLog(org.slug, filters, initial);
  const events = log.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = Boolean(filters.action || filters.actor || filters.from || filters.to || filters.target);
  const typing = values.actor.trim() !== (actor ?? "");

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Who changed what in ${org.name}, newest first. Events cannot be edited or deleted.`}
        actions={<ExportButton filters={filters} />}
      />

      <AuditFilters values={values} onChange={setValues} searching={typing || log.isPlaceholderData} />

      {log.isPending ? (
        <AuditTableSkeleton />
      ) : log.isError && !log.data ? (
        <Callout tone="error" title="Couldn't load the audit log">
          <p>{errorMessage(log.error)}</p>
          <Button variant="secondary" size="sm" className="mt-3" loading={log.isFetching} onClick={() => void log.refetch()}>
            Try again
          </Button>
        </Callout>
      ) : events.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={SearchIcon}
            title="No matching events"
            description="Nothing in the audit log matches these filters. Widen the dates or clear the filters."
            action={
              <Button variant="secondary" onClick={() => setValues({ actor: "", from: "", to: "" })}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState icon={ShieldCheckIcon} title="No events yet" description={`Changes to ${org.name}'s members, invitations, settings and projects will be recorded here.`} />
        )
      ) : (
        <>
          <AuditTable events={events} busy={log.isPlaceholderData} />
          <div className="mt-4 flex flex-col items-center gap-3 sm:flex-row sm:justify-between">
            <p className="text-sm text-muted-foreground" aria-live="polite">
              {log.hasNextPage ? `Showing the newest ${events.length} events` : `${events.length} ${events.length === 1 ? "event" : "events"}`}
            </p>
            {log.hasNextPage && (
              <Button variant="secondary" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                Load more
              </Button>
            )}
          </div>
          {log.isFetchNextPageError && (
            <Callout tone="error" className="mt-4">
              Couldn&apos;t load more events. {errorMessage(log.error)}
            </Callout>
          )}
        </>
      )}
    </>
  );
}
