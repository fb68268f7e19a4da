"use client";

import { CrashMessage } from "@/components/ui/crash-message";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main">
      <CrashMessage error={error} retry={retry} home={{ href: "/", label: "Go to the home page" }} />
    </main>
  );
}
