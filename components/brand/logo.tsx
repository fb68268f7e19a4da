import { cn } from "@/components/ui/cn";
import { LayersIcon } from "@/components/ui/icons";

/** The product name in the UI; forks rename it here (server-side text uses env.APP_NAME). */
export const BRAND_NAME = "Tenantkit";

export function LogoMark({ className }: { className?: string }) {
  return (
    <span aria-hidden="true" className={cn("inline-flex size-7 items-center justify-center rounded-lg bg-primary text-primary-foreground shadow-sm", className)}>
      <LayersIcon className="size-4" />
    </span>
  );
}

export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 text-base font-semibold tracking-tight", className)}>
      <LogoMark />
      {BRAND_NAME}
    </span>
  );
}
