"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { can, type Permission } from "@/lib/auth/permissions";
import { cn } from "@/components/ui/cn";
import { CreditCardIcon, FolderIcon, SettingsIcon, ShieldCheckIcon, UsersIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useDashboard } from "./dashboard-context";

// Each page's own permission: a link the caller's role could not open is not shown.
const ITEMS: { segment: string; label: string; Icon: typeof FolderIcon; permission: Permission }[] = [
  { segment: "projects", label: "Projects", Icon: FolderIcon, permission: "projects:read" },
  { segment: "members", label: "Members", Icon: UsersIcon, permission: "members:read" },
  { segment: "audit", label: "Audit log", Icon: ShieldCheckIcon, permission: "audit:read" },
  { segment: "billing", label: "Billing", Icon: CreditCardIcon, permission: "billing:manage" },
  { segment: "settings", label: "Settings", Icon: SettingsIcon, permission: "org:read" },
];

export function SidebarNav() {
  const { org, role } = useDashboard();
  const pathname = usePathname();

  return (
    <nav aria-label="Organization">
      <ul className="grid gap-0.5">
        {ITEMS.filter((item) => can(role, item.permission)).map(({ segment, label, Icon }) => {
          const href = `/dashboard/${org.slug}/${segment}`;
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={segment}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-3 rounded-md px-2.5 py-2 text-sm font-medium transition-colors",
                  active ? "bg-muted text-foreground" : "text-muted-foreground hover:bg-muted/70 hover:text-foreground",
                )}
              >
                <Icon className={cn("size-4", active && "text-link")} />
                {label}
                <PendingHint />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Shows that a slow navigation is under way. At the end of the link and smaller than its text, so nothing shifts when it appears. */
function PendingHint() {
  const { pending } = useLinkStatus();
  return pending ? <Spinner className="ml-auto size-3.5 text-muted-foreground" /> : null;
}
