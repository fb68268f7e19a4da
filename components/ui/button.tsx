import type { ComponentProps } from "react";
import { cn } from "./cn";
import { Spinner } from "./spinner";

type Variant = "primary" | "secondary" | "ghost" | "subtle" | "subtle-danger" | "danger" | "danger-outline";
type Size = "xs" | "sm" | "md" | "lg" | "icon";

// The classes are in app/components.css: buttons repeat in every row of a list.
const variants: Record<Variant, string> = {
  primary: "btn-primary",
  secondary: "btn-secondary",
  ghost: "btn-ghost",
  subtle: "btn-subtle",
  "subtle-danger": "btn-subtle-danger",
  danger: "btn-danger",
  "danger-outline": "btn-danger-outline",
};

const sizes: Record<Size, string> = { xs: "btn-xs", sm: "btn-sm", md: "btn-md", lg: "btn-lg", icon: "btn-icon" };

/** Button looks for links and other elements that should read as buttons. */
export function buttonClasses({ variant = "primary", size = "md", className }: { variant?: Variant; size?: Size; className?: string } = {}) {
  return cn("btn", variants[variant], sizes[size], className);
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
