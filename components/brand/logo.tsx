import { cn } from "@/components/ui/cn";
import { LayersIcon } from "@/components/ui/icons";

/** The product name in the UI; forks rename it here (server-side text uses env.APP_NAME). */
const BRAND_NAME = "Tenantkit";

export function LogoMark({ size = "md" }: { size?: "sm" | "md" }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-flex shrink-0 items-center justify-center bg-primary text-primary-foreground shadow-sm",
        size === "sm" ? "size-5 rounded-md" : "size-7 rounded-lg",
      )}
    >
      <LayersIcon className={size === "sm" ? "size-3" : "size-4"} />
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
