"use client";

import Link from "next/link";
import { useEffect } from "react";
import { Button, buttonClasses } from "./button";
import { ErrorState } from "./error-state";

/** Body of the error boundaries: retry re-fetches the failed segment from the server. */
export function CrashMessage({ error, retry, home }: { error: unknown; retry: () => void; home: { href: string; label: string } }) {
  useEffect(() => {
    // The server logged it with this digest; surfacing it in the console helps match the two.
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <ErrorState
      title="Something went wrong"
      description={
        <>
          <p>We couldn&apos;t load this page. Try again; if it keeps happening, the server logs have the details.</p>
          {digest && <p className="mt-2 font-mono text-xs">Reference: {digest}</p>}
        </>
      }
      actions={
        <>
          <Button onClick={retry}>Try again</Button>
          <Link href={home.href} className={buttonClasses({ variant: "secondary" })}>
            {home.label}
          </Link>
        </>
      }
    />
  );
}
