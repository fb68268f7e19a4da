"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LogOutIcon } from "@/components/ui/icons";

/** Signs out and comes back to `returnTo`, where the right account can sign in. */
export function SwitchAccountButton({ returnTo }: { returnTo: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      className="w-full"
      loading={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: returnTo });
      }}
    >
      {!pending && <LogOutIcon />}
      Sign out and switch account
    </Button>
  );
}
