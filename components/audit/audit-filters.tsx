"use client";

import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SearchIcon } from "@/components/ui/icons";
import { Input, Select } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { ACTION_OPTIONS } from "./audit-labels";

/** What the controls hold; the actor text is debounced before it becomes a filter. */
export type FilterValues = { action?: AuditAction; actor: string; from: string; to: string };

type Props = {
  values: FilterValues;
  onChange: (values: FilterValues) => void;
  /** Results for the current filters are on their way. */
  searching: boolean;
};

export function AuditFilters({ values, onChange, searching }: Props) {
  const set = (patch: Partial<FilterValues>) => onChange({ ...values, ...patch });
  const active = Boolean(values.action || values.actor || values.from || values.to);

  return (
    <div role="search" aria-label="Filter the audit log" className="mb-4 grid grid-cols-2 items-end gap-3 lg:grid-cols-[12rem_minmax(0,1fr)_9.5rem_9.5rem_auto]">
      <Field label="Action" className="col-span-2 sm:col-span-1">
        {(control) => (
          <Select
            {...control}
            name="action"
            value={values.action ?? ""}
            onChange={(e) => set({ action: AUDIT_ACTIONS.find((a) => a === e.target.value) })}
          >
            <option value="">All actions</option>
            {ACTION_OPTIONS.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.actions.map((a) => (
                  <option key={a.value} value={a.value}>
                    {a.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Actor" className="col-span-2 sm:col-span-1">
        {(control) => (
          <div className="relative">
            <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
            <Input
              {...control}
              type="search"
              name="actor"
              maxLength={200}
              placeholder="Email or user id"
              autoComplete="off"
              className="pr-9 pl-9"
              value={values.actor}
              onChange={(e) => set({ actor: e.target.value })}
            />
            {searching && <Spinner className="absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground" />}
          </div>
        )}
      </Field>
      <Field label="From">
        {(control) => <Input {...control} type="date" name="from" max={values.to || undefined} value={values.from} onChange={(e) => set({ from: e.target.value })} />}
      </Field>
      <Field label="To">
        {(control) => <Input {...control} type="date" name="to" min={values.from || undefined} value={values.to} onChange={(e) => set({ to: e.target.value })} />}
      </Field>
      {active && (
        <Button variant="ghost" className="col-span-2 justify-self-end lg:col-span-1" onClick={() => onChange({ actor: "", from: "", to: "" })}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
