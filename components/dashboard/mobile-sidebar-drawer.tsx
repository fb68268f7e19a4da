"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import type { OrgSummary } from "@/lib/orgs/service";
import { buttonClasses } from "@/components/ui/button";
import type { Trigger } from "@/components/ui/deferred-popup";
import { XIcon } from "@/components/ui/icons";
import { Sidebar } from "./sidebar";

/** The sidebar as a modal drawer (Radix traps focus and closes on Escape), opened by `trigger`. */
export function MobileSidebarDrawer({ orgs, trigger }: { orgs: OrgSummary[]; trigger: Trigger }) {
  return (
    <DialogPrimitive.Root>
      <DialogPrimitive.Trigger asChild>{trigger}</DialogPrimitive.Trigger>
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
