import type { ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "green" | "amber" | "indigo" | "violet" | "sky";

// The classes are in app/components.css: a list shows a badge in every row.
const tones: Record<BadgeTone, string> = {
  neutral: "badge-neutral",
  green: "badge-green",
  amber: "badge-amber",
  indigo: "badge-indigo",
  violet: "badge-violet",
  sky: "badge-sky",
};

export function Badge({ tone = "neutral", dot = false, className, children }: { tone?: BadgeTone; dot?: boolean; className?: string; children: ReactNode }) {
  return <span className={cn("badge", dot && "badge-dot", tones[tone], className)}>{children}</span>;
}
