import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ApiVersion, VersionChange } from "@/lib/api/versions";
import { WithInlineCode } from "./inline-code";

const KINDS: Record<VersionChange["kind"], { label: string; tone: BadgeTone }> = {
  added: { label: "Added", tone: "green" },
  changed: { label: "Changed", tone: "amber" },
  deprecated: { label: "Deprecated", tone: "violet" },
  removed: { label: "Removed", tone: "neutral" },
};

const longDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" });

/** One dated version of the API and what it changed, anchored by its date (`#2026-12-02`). */
export function VersionEntry({ version, current }: { version: ApiVersion; current: boolean }) {
  const headingId = `v-${version.date}`;
  return (
    <section id={version.date} aria-labelledby={headingId} className="scroll-mt-20 rounded-xl border bg-surface p-5 shadow-xs sm:p-6">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h2 id={headingId} className="font-mono text-lg font-semibold tracking-tight">
          {version.date}
        </h2>
        {current && (
          <Badge tone="indigo" dot>
            Current
          </Badge>
        )}
        {version.deprecated && (
          <Badge tone="violet">
            Deprecated{version.deprecated.sunset ? `, sunset ${longDate(version.deprecated.sunset.slice(0, 10))}` : ""}
          </Badge>
        )}
      </div>
      <p className="mt-1 text-sm text-muted-foreground">
        {version.title} · <time dateTime={version.date}>{longDate(version.date)}</time>
      </p>
      <ul className="mt-4 grid gap-3">
        {version.changes.map((change) => (
          <li key={change.text} className="flex flex-col gap-1.5 text-sm leading-6 sm:flex-row sm:gap-3">
            <span className="w-24 shrink-0 pt-0.5">
              <Badge tone={KINDS[change.kind].tone}>{KINDS[change.kind].label}</Badge>
            </span>
            <span>
              <WithInlineCode text={change.text} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
