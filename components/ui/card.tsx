import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export function Card({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("rounded-xl border bg-surface shadow-xs", className)} {...props} />;
}

/** A titled settings-style section: heading and help text, body, optional footer bar. */
export function CardSection({
  title,
  description,
  footer,
  tone = "default",
  children,
  headingId,
}: {
  title: ReactNode;
  description?: ReactNode;
  footer?: ReactNode;
  tone?: "default" | "danger";
  children?: ReactNode;
  headingId: string;
}) {
  return (
    <section aria-labelledby={headingId} className={cn("rounded-xl border bg-surface shadow-xs", tone === "danger" && "border-danger/40")}>
      <div className="grid gap-1 p-5 sm:p-6">
        <h2 id={headingId} className={cn("text-base font-semibold", tone === "danger" && "text-danger-text")}>
          {title}
        </h2>
        {description && <p className="text-sm text-muted-foreground">{description}</p>}
        {children && <div className="mt-4">{children}</div>}
      </div>
      {footer && <div className="flex flex-wrap items-center justify-end gap-3 rounded-b-xl border-t bg-subtle px-5 py-3 sm:px-6">{footer}</div>}
    </section>
  );
}
