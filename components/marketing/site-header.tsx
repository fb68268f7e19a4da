import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { buttonClasses } from "@/components/ui/button";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { MARKETING_LINKS } from "./links";
import { MobileNav } from "./mobile-nav";

/** Top navigation shared by the public pages. */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-border/70 bg-background/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="rounded-md" aria-label="Tenantkit home">
          <Logo />
        </Link>
        <nav aria-label="Main" className="hidden items-center gap-1 sm:flex">
          {MARKETING_LINKS.map((link) => (
            <Link key={link.href} href={link.href} className="rounded-md px-3 py-2 text-sm text-muted-foreground transition-colors hover:text-foreground">
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <div className="hidden items-center gap-2 sm:flex">
            <ThemeToggle />
            <Link href="/sign-in" className={buttonClasses({ variant: "ghost" })}>
              Sign in
            </Link>
          </div>
          <Link href="/sign-up" className={buttonClasses()}>
            Sign up
          </Link>
          <MobileNav />
        </div>
      </div>
    </header>
  );
}
