import { LogoMark } from "@/components/brand/logo";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { FolderIcon, SettingsIcon, UsersIcon } from "@/components/ui/icons";

const ROWS: { name: string; owner: string; status: string; tone: BadgeTone }[] = [
  { name: "Website relaunch", owner: "Ada Lovelace", status: "Active", tone: "green" },
  { name: "Mobile onboarding", owner: "Grace Hopper", status: "Active", tone: "green" },
  { name: "Billing migration", owner: "Alan Turing", status: "Paused", tone: "amber" },
  { name: "Q3 research", owner: "Katherine Johnson", status: "Archived", tone: "neutral" },
];

/** A static picture of the dashboard, drawn in markup so it follows the theme. */
export function ProductPreview() {
  return (
    <div aria-hidden="true" className="overflow-hidden rounded-xl border bg-surface shadow-2xl shadow-indigo-950/10 ring-1 ring-black/5 dark:shadow-black/40">
      <div className="flex items-center gap-1.5 border-b bg-subtle px-4 py-3">
        <span className="size-2.5 rounded-full bg-zinc-300 dark:bg-zinc-700" />
        <span className="size-2.5 rounded-full bg-zinc-300 dark:bg-zinc-700" />
        <span className="size-2.5 rounded-full bg-zinc-300 dark:bg-zinc-700" />
        <span className="mx-auto rounded-md bg-muted px-3 py-0.5 font-mono text-[11px] text-muted-foreground">app.example.com/dashboard/acme/projects</span>
      </div>
      <div className="flex">
        <div className="hidden w-48 shrink-0 border-r bg-subtle p-3 sm:block">
          <div className="flex items-center gap-2 rounded-md border bg-surface px-2 py-1.5 text-xs font-medium">
            <LogoMark size="sm" />
            Acme Inc.
          </div>
          <div className="mt-4 grid gap-0.5 text-xs">
            <span className="flex items-center gap-2 rounded-md bg-muted px-2 py-1.5 font-medium">
              <FolderIcon className="size-3.5" /> Projects
            </span>
            <span className="flex items-center gap-2 px-2 py-1.5 text-muted-foreground">
              <UsersIcon className="size-3.5" /> Members
            </span>
            <span className="flex items-center gap-2 px-2 py-1.5 text-muted-foreground">
              <SettingsIcon className="size-3.5" /> Settings
            </span>
          </div>
        </div>
        <div className="min-w-0 flex-1 p-4 sm:p-5">
          <div className="flex items-center justify-between gap-3">
            <span className="text-sm font-semibold">Projects</span>
            <span className="rounded-md bg-primary px-2.5 py-1 text-[11px] font-medium text-primary-foreground">New project</span>
          </div>
          <div className="mt-4 divide-y rounded-lg border text-xs">
            {ROWS.map((row) => (
              <div key={row.name} className="flex items-center gap-3 px-3 py-2.5">
                <span className="min-w-0 flex-1 truncate font-medium">{row.name}</span>
                <span className="hidden w-32 truncate text-muted-foreground md:block">{row.owner}</span>
                <Badge tone={row.tone} dot>
                  {row.status}
                </Badge>
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
