import type { ReactNode } from "react";

/** The centred card every auth page shares: heading, body, and a line below it. */
type AuthCardProps = { title: ReactNode; description?: ReactNode; icon?: ReactNode; children: ReactNode; footer?: ReactNode };

export function AuthCard({ title, description, icon, children, footer }: AuthCardProps) {
  return (
    <div className="w-full max-w-sm">
      <div className="rounded-2xl border bg-surface p-6 shadow-sm sm:p-8">
        <div className="mb-6 grid justify-items-center gap-1.5 text-center">
          {icon && <div className="mb-3">{icon}</div>}
          <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
          {description && <p className="text-sm text-muted-foreground">{description}</p>}
        </div>
        {children}
      </div>
      {footer && <p className="mt-6 text-center text-sm text-muted-foreground">{footer}</p>}
    </div>
  );
}

/** A rule between alternative ways to sign in, with a short label such as "or". */
export function AuthDivider({ label = "or" }: { label?: string }) {
  return (
    <div className="my-6 flex items-center gap-3 text-xs text-muted-foreground">
      <span aria-hidden="true" className="h-px flex-1 bg-border" />
      {label}
      <span aria-hidden="true" className="h-px flex-1 bg-border" />
    </div>
  );
}
