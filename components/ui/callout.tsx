import type { ReactNode } from "react";
import { cn } from "./cn";
import { AlertTriangleIcon, InfoIcon } from "./icons";

type Tone = "error" | "warning" | "info";

const tones: Record<Tone, string> = {
  error: "border-danger/30 bg-danger/5 text-danger-text dark:bg-danger/10",
  warning: "border-amber-500/40 bg-amber-50 text-amber-950 dark:bg-amber-400/10 dark:text-amber-100",
  info: "border-border bg-muted/60 text-foreground",
};

/** An inline message; errors are announced as they appear (role="alert"). */
export function Callout({ tone = "info", title, children, className, id }: { tone?: Tone; title?: ReactNode; children?: ReactNode; className?: string; id?: string }) {
  const Icon = tone === "info" ? InfoIcon : AlertTriangleIcon;
  return (
    <div id={id} role={tone === "error" ? "alert" : "status"} className={cn("flex gap-3 rounded-lg border px-4 py-3 text-sm", tones[tone], className)}>
      <Icon className="mt-0.5 size-4 shrink-0" />
      <div className="grid min-w-0 flex-1 gap-1">
        {title && <p className="font-medium">{title}</p>}
        {children && <div className={title ? "opacity-90" : undefined}>{children}</div>}
      </div>
    </div>
  );
}
