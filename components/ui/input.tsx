import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Shared by every text control so inputs, textareas and selects line up. */
export const controlClasses = cn(
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

export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        controlClasses,
        "h-9 appearance-none bg-[length:16px] bg-[right_0.5rem_center] bg-no-repeat pr-8",
        // A chevron drawn in the muted text colour of each theme.
        "bg-[url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='%2371717a' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'%3E%3Cpath d='m6 9 6 6 6-6'/%3E%3C/svg%3E\")]",
        className,
      )}
      {...props}
    />
  );
}
