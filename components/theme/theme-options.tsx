"use client";

import { useTheme } from "next-themes";
import { DropdownMenuRadioGroup, DropdownMenuRadioItem } from "@/components/ui/dropdown-menu";
import { MonitorIcon, MoonIcon, SunIcon } from "@/components/ui/icons";
import { useHydrated } from "@/components/hooks/use-hydrated";

const THEMES = [
  { value: "light", label: "Light", Icon: SunIcon },
  { value: "dark", label: "Dark", Icon: MoonIcon },
  { value: "system", label: "System", Icon: MonitorIcon },
] as const;

/** Light / Dark / System as radio items, for any dropdown menu. */
export function ThemeRadioItems() {
  const { theme, setTheme } = useTheme();
  // The stored theme is only known in the browser; before that, check nothing.
  const hydrated = useHydrated();
  return (
    <DropdownMenuRadioGroup value={hydrated ? (theme ?? "system") : ""} onValueChange={setTheme}>
      {THEMES.map(({ value, label, Icon }) => (
        <DropdownMenuRadioItem key={value} value={value}>
          <Icon className="size-4 text-muted-foreground" />
          {label}
        </DropdownMenuRadioItem>
      ))}
    </DropdownMenuRadioGroup>
  );
}
