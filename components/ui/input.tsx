import type { ComponentProps } from "react";
import { cn } from "./cn";
import { ChevronDownIcon } from "./icons";

/** Shared by every text control so inputs, textareas and selects line up. */
const controlClasses = cn(
  "w-full rounded-md border border-input bg-surface px-3 text-sm text-foreground shadow-xs transition-colors",
  "placeholder:text-muted-foreground/80 disabled:cursor-not-allowed disabled:opacity-60",
  "focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 focus-visible:outline-none",
  "aria-invalid:border-danger aria-invalid:focus-visible:ring-danger/25",
);

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(controlClasses, "h-9", className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(controlClasses, "min-h-24 resize-y py-2", className)} {...props} />;
}

/** Native select (best on phones and for keyboards), with our own chevron. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <div className={cn("relative", className)}>
      <select className={cn(controlClasses, "h-9 appearance-none pr-9")} {...props} />
      <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground" />
    </div>
  );
}
