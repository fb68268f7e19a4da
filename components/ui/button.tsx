import type { ComponentProps } from "react";
import { cn } from "./cn";
import { Spinner } from "./spinner";

type Variant = "primary" | "secondary" | "ghost" | "subtle" | "subtle-danger" | "danger" | "danger-outline";
type Size = "xs" | "sm" | "md" | "lg" | "icon";

const variants: Record<Variant, string> = {
  primary: "bg-primary text-primary-foreground shadow-sm hover:bg-primary-hover",
  secondary: "border border-input bg-surface text-foreground shadow-xs hover:bg-muted",
  ghost: "text-foreground hover:bg-muted",
  // Quiet row actions: muted until hovered, so a column of them does not shout.
  subtle: "text-muted-foreground hover:bg-muted hover:text-foreground",
  "subtle-danger": "text-muted-foreground hover:bg-danger/10 hover:text-danger-text",
  danger: "bg-danger text-danger-foreground shadow-sm hover:bg-danger-hover",
  "danger-outline": "border border-danger/40 bg-surface text-danger-text shadow-xs hover:bg-danger/10",
};

const sizes: Record<Size, string> = {
  xs: "h-8 gap-1.5 rounded-md px-2 text-sm",
  sm: "h-8 gap-1.5 rounded-md px-3 text-sm",
  md: "h-9 gap-2 rounded-md px-4 text-sm",
  lg: "h-11 gap-2 rounded-lg px-5 text-base",
  icon: "size-9 rounded-md",
};

/** Button looks for links and other elements that should read as buttons. */
export function buttonClasses({ variant = "primary", size = "md", className }: { variant?: Variant; size?: Size; className?: string } = {}) {
  return cn(
    "inline-flex shrink-0 items-center justify-center font-medium whitespace-nowrap transition-colors select-none",
    "disabled:pointer-events-none disabled:opacity-50 [&_svg]:shrink-0",
    variants[variant],
    sizes[size],
    className,
  );
}

type ButtonProps = ComponentProps<"button"> & {
  variant?: Variant;
  size?: Size;
  /** Shows a spinner and blocks clicks while an action is in flight. */
  loading?: boolean;
};

export function Button({ variant, size, loading = false, className, children, disabled, type = "button", ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClasses({ variant, size, className })}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {loading && <Spinner />}
      {children}
    </button>
  );
}
