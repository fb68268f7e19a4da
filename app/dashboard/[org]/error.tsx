"use client";

import { CrashMessage } from "@/components/ui/crash-message";

/** Inside the org shell, so the sidebar stays usable when one page fails. */
export default function OrgPageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <CrashMessage error={error} retry={retry} home={{ href: "/dashboard", label: "Go to your dashboard" }} />;
}
