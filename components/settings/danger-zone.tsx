import type { ReactNode } from "react";

/** The red-bordered section that groups irreversible actions at the end of settings. */
export function DangerZone({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="danger-zone" className="rounded-xl border border-danger/40 bg-surface shadow-xs">
      <h2 id="danger-zone" className="border-b border-danger/20 px-5 py-4 text-base font-semibold text-danger-text sm:px-6">
        Danger zone
      </h2>
      <div className="divide-y">{children}</div>
    </section>
  );
}

export function DangerRow({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-4 px-5 py-5 sm:flex-row sm:items-center sm:justify-between sm:px-6">
      <div className="grid gap-1">
        <h3 className="text-sm font-medium">{title}</h3>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      <div className="shrink-0">{children}</div>
    </div>
  );
}
