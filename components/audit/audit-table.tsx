import type { AuditEventDto } from "@/lib/audit/schemas";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ArrowRightIcon } from "@/components/ui/icons";
import { actionLabel, actionTone, targetTypeLabel } from "./audit-labels";
import { changeLines } from "./change-summary";
import { describeUserAgent } from "./user-agent";

// Fixed locale and zone, like components/ui/format-date.ts, so server and browser agree.
const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const time = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone: "UTC" });

const th = "px-3 py-2.5 text-left text-xs font-medium text-muted-foreground first:pl-4 last:pr-4";

/**
 * A table from `md` up and a stack of cards below it, in one markup (as the projects table):
 * one element per event for assistive tech and tests.
 */
export function AuditTable({ events, busy = false }: { events: AuditEventDto[]; busy?: boolean }) {
  return (
    <div className={cn("overflow-hidden rounded-xl border bg-surface shadow-xs transition-opacity", busy && "opacity-60")} aria-busy={busy || undefined}>
      <table className="block w-full text-sm md:table">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="hidden border-b bg-subtle md:table-header-group">
          <tr>
            <th scope="col" className={th}>
              Time (UTC)
            </th>
            <th scope="col" className={th}>
              Actor
            </th>
            <th scope="col" className={th}>
              Action
            </th>
            <th scope="col" className={th}>
              Changes
            </th>
            <th scope="col" className={cn(th, "hidden lg:table-cell")}>
              Origin
            </th>
          </tr>
        </thead>
        <tbody className="block divide-y md:table-row-group">
          {events.map((event) => (
            <AuditRow key={event.id} event={event} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditRow({ event }: { event: AuditEventDto }) {
  const at = new Date(event.createdAt);
  const lines = changeLines(event.changes);
  return (
    <tr data-testid="audit-row" className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-2 px-4 py-3.5 md:table-row md:p-0 md:align-top md:hover:bg-subtle">
      <td className="order-2 text-xs whitespace-nowrap text-muted-foreground md:order-none md:py-3 md:pr-3 md:pl-4 md:text-sm">
        <time dateTime={event.createdAt} className="grid justify-items-end md:justify-items-start">
          <span className="md:text-foreground">{day.format(at)}</span>
          <span className="tabular-nums">{time.format(at)}</span>
        </time>
      </td>
      <td className="order-1 min-w-0 md:order-none md:max-w-48 md:px-3 md:py-3">
        <div className="flex min-w-0 items-center gap-1.5">
          <span className="truncate font-medium" title={event.actor.label}>
            {event.actor.label}
          </span>
          {event.actor.type === "api_key" && <Badge>API key</Badge>}
        </div>
      </td>
      <td className="order-3 col-span-2 min-w-0 md:order-none md:max-w-64 md:px-3 md:py-3">
        <Badge tone={actionTone(event.action)}>{actionLabel(event.action)}</Badge>
        {(event.target.label ?? event.target.id) && (
          <p className="mt-1 truncate text-muted-foreground" title={event.target.label ?? event.target.id ?? undefined}>
            <span className="text-xs">{targetTypeLabel(event.target.type)}: </span>
            <span className="text-foreground">{event.target.label ?? event.target.id}</span>
          </p>
        )}
      </td>
      <td className={cn("order-4 col-span-2 min-w-0 md:order-none md:px-3 md:py-3", lines.length === 0 && "hidden md:table-cell")}>
        {lines.length === 0 ? (
          <span className="text-muted-foreground">—</span>
        ) : (
          <ul className="grid gap-0.5">
            {lines.map((line) => (
              <li key={line.field} className="flex min-w-0 flex-wrap items-baseline gap-x-1.5">
                <span className="text-xs text-muted-foreground">{line.field}</span>
                {line.before !== undefined && <span className={cn("wrap-anywhere", line.after !== undefined && "text-muted-foreground line-through decoration-muted-foreground/50")}>{line.before}</span>}
                {line.before !== undefined && line.after !== undefined && (
                  <>
                    <ArrowRightIcon className="size-3 self-center text-muted-foreground" />
                    <span className="sr-only">changed to</span>
                  </>
                )}
                {line.after !== undefined && <span className="wrap-anywhere">{line.after}</span>}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="order-5 col-span-2 text-xs text-muted-foreground md:order-none md:hidden md:py-3 md:pr-4 md:pl-3 lg:table-cell">
        <span className="font-mono">{event.ip ?? "—"}</span>
        {event.userAgent && (
          <span className="block truncate lg:max-w-40" title={event.userAgent}>
            {describeUserAgent(event.userAgent)}
          </span>
        )}
      </td>
    </tr>
  );
}
