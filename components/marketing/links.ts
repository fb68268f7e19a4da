/** Destinations in the public pages' navigation (desktop bar and phone menu). */
export const MARKETING_LINKS = [
  { href: "/#features", label: "Features" },
  { href: "/pricing", label: "Pricing" },
  { href: "/docs/api", label: "API" },
] as const;
