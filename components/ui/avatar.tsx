import { cn } from "./cn";

const palette = [
  "bg-indigo-100 text-indigo-700 dark:bg-indigo-500/20 dark:text-indigo-200",
  "bg-emerald-100 text-emerald-700 dark:bg-emerald-500/20 dark:text-emerald-200",
  "bg-amber-100 text-amber-800 dark:bg-amber-500/20 dark:text-amber-200",
  "bg-sky-100 text-sky-700 dark:bg-sky-500/20 dark:text-sky-200",
  "bg-rose-100 text-rose-700 dark:bg-rose-500/20 dark:text-rose-200",
  "bg-violet-100 text-violet-700 dark:bg-violet-500/20 dark:text-violet-200",
];

/** "Ada Lovelace" → "AL", "ada@example.com" → "AD"; `single` gives one letter (org marks). */
function initials(label: string, single = false): string {
  const words = label.replace(/@.*/, "").split(/[\s._-]+/).filter(Boolean);
  const first = words[0] ?? "?";
  if (single) return first.slice(0, 1).toUpperCase();
  const letters = words.length > 1 ? `${first[0] ?? ""}${words[words.length - 1]?.[0] ?? ""}` : first.slice(0, 2);
  return letters.toUpperCase();
}

/** The same person gets the same colour everywhere, without storing one. */
function colourFor(seed: string): string {
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length] ?? palette[0]!;
}

type AvatarProps = { label: string; seed?: string; size?: "sm" | "md"; shape?: "circle" | "square"; className?: string };

// People get initials in a circle; organizations get one letter in a square, like a logo.

/** Initials only: decorative, the name beside it is what assistive tech reads. */
export function Avatar({ label, seed = label, size = "md", shape = "circle", className }: AvatarProps) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-flex shrink-0 items-center justify-center font-semibold",
        size === "sm" ? "size-7 text-[11px]" : "size-9 text-xs",
        shape === "circle" ? "rounded-full" : "rounded-md",
        colourFor(seed),
        className,
      )}
    >
      {initials(label, shape === "square")}
    </span>
  );
}
