import Link from "next/link";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "/account", label: "General" },
  { href: "/account/security", label: "Security" },
] as const;

/** The account pages as tabs under the header; the page says which one it is. */
export function AccountNav({ current }: { current: (typeof TABS)[number]["href"] }) {
  return (
    <nav aria-label="Account settings" className="-mt-4 mb-8 flex gap-1 border-b">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium transition-colors",
            tab.href === current ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
