import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A text input with fixed leading text, such as the path an org slug is appended to. */
export function PrefixedInput({ prefix, className, ...props }: ComponentProps<"input"> & { prefix: string }) {
  return (
    <div
      className={cn(
        "flex h-9 w-full overflow-hidden rounded-md border border-input bg-surface text-sm shadow-xs transition-colors",
        "focus-within:border-ring focus-within:ring-3 focus-within:ring-ring/25",
        "has-[input[aria-invalid=true]]:border-danger has-[input[aria-invalid=true]]:focus-within:ring-danger/25",
        className,
      )}
    >
      <span aria-hidden="true" className="flex items-center border-r bg-muted/60 px-3 text-muted-foreground select-none">
        {prefix}
      </span>
      <input className="min-w-0 flex-1 bg-transparent px-3 text-foreground outline-none placeholder:text-muted-foreground/80 disabled:cursor-not-allowed disabled:opacity-60" {...props} />
    </div>
  );
}
