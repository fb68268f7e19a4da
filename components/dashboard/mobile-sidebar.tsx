"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import type { OrgSummary } from "@/lib/orgs/service";
import { buttonClasses } from "@/components/ui/button";
import { MenuIcon, XIcon } from "@/components/ui/icons";
import { Sidebar } from "./sidebar";

/**
 * The sidebar as a modal drawer below `lg` (Radix traps focus and closes on Escape).
 * The shell remounts it on every navigation, which is what closes it after a link.
 */
export function MobileSidebar({ orgs }: { orgs: OrgSummary[] }) {
  return (
    <DialogPrimitive.Root>
      <DialogPrimitive.Trigger aria-label="Open navigation" className={buttonClasses({ variant: "ghost", size: "icon", className: "-ml-2" })}>
        <MenuIcon className="size-5" />
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-zinc-950/50 data-[state=open]:animate-overlay-in" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 w-[min(20rem,calc(100vw-3rem))] border-r bg-subtle shadow-xl data-[state=open]:animate-drawer-in"
        >
          <DialogPrimitive.Title className="sr-only">Navigation</DialogPrimitive.Title>
          <Sidebar orgs={orgs} />
          <DialogPrimitive.Close aria-label="Close navigation" className={buttonClasses({ variant: "ghost", size: "icon", className: "absolute top-3.5 right-3" })}>
            <XIcon />
          </DialogPrimitive.Close>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
