import type { ReactNode } from "react";
import { AlertTriangleIcon } from "./icons";

/** Full-page message for 404s and crashes: what happened, and where to go instead. */
export function ErrorState({ code, title, description, actions }: { code?: string; title: string; description: ReactNode; actions: ReactNode }) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center px-4 py-20 text-center sm:py-28">
      {code ? (
        <p className="font-mono text-sm font-semibold text-link">{code}</p>
      ) : (
        <span className="inline-flex size-11 items-center justify-center rounded-full bg-danger/10 text-danger-text">
          <AlertTriangleIcon className="size-5" />
        </span>
      )}
      <h1 className="mt-4 text-2xl font-semibold tracking-tight sm:text-3xl">{title}</h1>
      <div className="mt-3 text-sm leading-6 text-muted-foreground">{description}</div>
      <div className="mt-8 flex flex-col gap-3 sm:flex-row">{actions}</div>
    </div>
  );
}
