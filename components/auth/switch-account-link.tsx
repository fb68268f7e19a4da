"use client";

import { signOut } from "next-auth/react";

/** A text link that signs out, for the footer of a sign-in step. */
export function SwitchAccountLink({ label = "Sign out" }: { label?: string }) {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: "/sign-in" })} className="rounded-sm font-medium text-link hover:underline">
      {label}
    </button>
  );
}
